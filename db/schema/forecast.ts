import { date, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One forecast per series and UTC day, written by the daily forecast job with an upsert on
 * (series, day), so a re-run of the same day replaces its row. `result` is the SeriesForecast of
 * lib/domain/forecast/run-forecast.ts (model, bands, backtest); `source` names the data it used.
 * Not tenant data: the same for every organisation.
 */
export const forecasts = pgTable(
  'forecasts',
  {
    series: text().notNull(),
    day: date({ mode: 'string' }).notNull(),
    result: jsonb().notNull(),
    source: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.series, t.day] })],
);
