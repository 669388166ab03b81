import { jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The newest derivatives figures per exchange and metric ('funding', 'open_interest', 'iv_term'),
 * written by the market-intel job every 15 minutes with an upsert on (source, metric): a re-run
 * rewrites the same row. A failed fetch records `attempted_at` and `last_error` and keeps the last
 * good `payload` with its `observed_at` (the exchange's time) and `fetched_at`, so the page can
 * show it as of then. Not tenant data: the same market for every organisation.
 */
export const marketIntel = pgTable(
  'market_intel',
  {
    source: text().notNull(),
    metric: text().notNull(),
    payload: jsonb(),
    observedAt: timestamp({ withTimezone: true }),
    fetchedAt: timestamp({ withTimezone: true }),
    attemptedAt: timestamp({ withTimezone: true }).notNull(),
    lastError: text(),
  },
  (t) => [primaryKey({ columns: [t.source, t.metric] })],
);
