import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../client';

export type DailyClose = { day: string; closeUsd: number; source: string };

/**
 * The stored BTC/USD daily closes in [from, to] (bundled candles and fetched closes alike), oldest
 * first. Days without a close are simply absent: the caller names them, nothing fills them. Not
 * tenant data, so no scope.
 */
export async function dailyCloses(db: Db, from: string, to: string): Promise<DailyClose[]> {
  const rows = await queryRows<{ day: string; c: string; source: string }>(
    db,
    sql`select day::text as day, price_close_usd as c, source from network_daily
        where day between ${from}::date and ${to}::date and price_close_usd is not null order by day`,
  );
  return rows.map((r) => ({ day: r.day, closeUsd: Number(r.c), source: r.source }));
}
