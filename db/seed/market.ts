import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { upsertDaily } from '../queries/market/snapshots';
import bundled from './market-data/daily-price.json' with { type: 'json' };
import { loadNetworkHistory } from './network-history';

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
  // Counted by price: the bundled network history holds rows for these days without one.
  const [held] = await queryRows<{ n: string | number }>(db, sql`select count(*) as n from network_daily where day between ${first}::date and ${last}::date and price_close_usd is not null`);
  if (Number(held?.n ?? 0) >= rows.length) return 0;
  return upsertDaily(
    db,
    rows.map(([day, open, high, low, close]) => ({ day, priceOpenUsd: open, priceHighUsd: high, priceLowUsd: low, priceCloseUsd: close, difficulty: null, networkHashrateHs: null, feesPerBlockBtc: null, source: BUNDLED_DAILY_SOURCE })),
  );
}

/** Everything bundled for the market history: the daily prices and the network history from 2009. */
export async function seedMarketHistory(db: Db) {
  const prices = await seedNetworkDaily(db);
  const network = await loadNetworkHistory(db);
  return { prices, network };
}
