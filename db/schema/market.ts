import { bigserial, date, index, integer, jsonb, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Network and market values every 5 minutes (one row per bucket, written by the
 * market-store-network-snapshot cron with an upsert, so a re-run overwrites and never duplicates).
 * Not tenant data: the same for every organisation.
 */
export const networkSnapshots = pgTable(
  'network_snapshots',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    bucketStart: timestamp({ withTimezone: true }).notNull().unique(),
    btcPriceUsd: numeric().notNull(),
    difficulty: numeric().notNull(),
    networkHashrateHs: numeric().notNull(),
    feesPerBlockBtc: numeric(),
    blockHeight: integer(),
    hashpriceBtcPerPhDay: numeric().notNull(),
    hashpriceUsdPerPhDay: numeric().notNull(),
    /** Source and observation time per value, e.g. { price: { source: 'coingecko', at: '…' } }. */
    sources: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('network_snapshots_created_idx').on(t.createdAt)],
);

/**
 * One row per UTC day for the long history (charts, forecasts). Filled from the bundled dataset
 * and by `npm run market:backfill`; a column stays null where no real figure is known.
 */
export const networkDaily = pgTable('network_daily', {
  day: date({ mode: 'string' }).primaryKey(),
  priceOpenUsd: numeric(),
  priceHighUsd: numeric(),
  priceLowUsd: numeric(),
  priceCloseUsd: numeric(),
  difficulty: numeric(),
  networkHashrateHs: numeric(),
  feesPerBlockBtc: numeric(),
  /** Where each column came from, e.g. 'price: cryptocompare (bundled); difficulty: mempool.space'. */
  source: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
