import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../client';

export type Candle = { day: string; open: number; high: number; low: number; close: number; source: string };

/**
 * Every day with a complete BTC/USD candle (open, high, low and close all held), oldest first: the
 * input of the technical indicators. Days with a close only (a CoinGecko backfill) are left out
 * rather than given made-up highs and lows. Not tenant data, so no scope; ~700 rows bundled.
 */
export async function dailyCandles(db: Db): Promise<Candle[]> {
  const rows = await queryRows<{ day: string; o: string; h: string; l: string; c: string; source: string }>(
    db,
    sql`select day::text as day, price_open_usd as o, price_high_usd as h, price_low_usd as l, price_close_usd as c, source
        from network_daily
        where price_open_usd is not null and price_high_usd is not null and price_low_usd is not null and price_close_usd is not null
        order by day`,
  );
  return rows.map((r) => ({ day: r.day, open: Number(r.o), high: Number(r.h), low: Number(r.l), close: Number(r.c), source: r.source }));
}
