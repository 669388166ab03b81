import { bigint, bigserial, date, index, integer, jsonb, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

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
 * One row per UTC day for the long history (charts, forecasts). Filled from the bundled datasets
 * (prices; the network history from 2009 in data/btc-network), by `npm run market:backfill` and by
 * the daily roll-up of live snapshots; a column stays null where no real figure is known.
 * `source` lists who wrote the row, the one that wins first ('snapshots; network: bundled …').
 */
export const networkDaily = pgTable('network_daily', {
  day: date({ mode: 'string' }).primaryKey(),
  priceOpenUsd: numeric(),
  priceHighUsd: numeric(),
  priceLowUsd: numeric(),
  priceCloseUsd: numeric(),
  difficulty: numeric(),
  networkHashrateHs: numeric(),
  /** Mean fees per block that day (an average, so numeric BTC rather than whole sats). */
  feesPerBlockBtc: numeric(),
  /** Main-chain blocks whose header time falls on the day; null where no per-block data covers it. */
  blocks: integer(),
  /** Every fee paid in the day's blocks (subsidy excluded), in sats. */
  feesTotalSats: bigint({ mode: 'number' }),
  /** Transactions in the day's blocks, coinbase included. */
  txCount: integer(),
  /** Where each column came from, e.g. 'price: cryptocompare (bundled); difficulty: mempool.space'. */
  source: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per 2016-block difficulty epoch since 2009 (data/btc-network/difficulty-epochs.csv).
 * `hashrateAvgHs` is the hashrate implied over the whole epoch (difficulty · 2^32 · 2016 / duration);
 * start time and hashrate stay null for the epochs no bundled source dates.
 */
export const networkEpochs = pgTable('network_epochs', {
  epoch: integer().primaryKey(),
  startHeight: integer().notNull(),
  startTime: timestamp({ withTimezone: true }),
  difficulty: numeric().notNull(),
  hashrateAvgHs: numeric(),
  lastBlockHash: text(),
  source: text().notNull(),
});
