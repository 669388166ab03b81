import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { upsertDaily } from '../queries/market/snapshots';
import bundled from './market-data/daily-price.json' with { type: 'json' };

export const BUNDLED_DAILY_SOURCE = 'price: cryptocompare (bundled)';

/**
 * Writes the bundled daily history (real BTC/USD OHLC, see db/seed/market-data/NOTICE.md) into
 * network_daily when it is not there yet. Idempotent: days already held are left alone, so
 * backfilled or live data is never overwritten by the bundle.
 */
export async function seedNetworkDaily(db: Db): Promise<number> {
  const rows = bundled.rows as Array<[string, number, number, number, number]>;
  const first = rows[0]?.[0];
  const last = rows.at(-1)?.[0];
  if (!first || !last) return 0;
  const [held] = await queryRows<{ n: string | number }>(db, sql`select count(*) as n from network_daily where day between ${first}::date and ${last}::date`);
  if (Number(held?.n ?? 0) >= rows.length) return 0;
  return upsertDaily(
    db,
    rows.map(([day, open, high, low, close]) => ({ day, priceOpenUsd: open, priceHighUsd: high, priceLowUsd: low, priceCloseUsd: close, difficulty: null, networkHashrateHs: null, feesPerBlockBtc: null, source: BUNDLED_DAILY_SOURCE })),
  );
}
