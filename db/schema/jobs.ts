import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const at = () => timestamp({ withTimezone: true });

/**
 * One row per run of a scheduled or event-triggered function by the embedded scheduler
 * (inngest/embedded), which runs them in the app process when no Inngest server is configured.
 *
 * The row is also the run's claim, so two app instances on one database never run a function twice:
 * a cron tick is taken once (function, scheduled_for), and a function has at most one unfinished run
 * (the partial unique index). A run whose instance died stops renewing `heartbeat_at` and is closed
 * as abandoned by the next claim.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid().primaryKey().defaultRandom(),
    functionId: text().notNull(),
    // 'cron */5 * * * *' or 'event market/snapshot.stored'
    trigger: text().notNull(),
    // The cron tick this run is for; null for an event.
    scheduledFor: at(),
    startedAt: at().notNull(),
    heartbeatAt: at().notNull(),
    finishedAt: at(),
    // running · ok · failed
    outcome: text().notNull().default('running'),
    // The error's message only: never its stack.
    error: text(),
  },
  (t) => [
    uniqueIndex('job_runs_tick_uq').on(t.functionId, t.scheduledFor),
    uniqueIndex('job_runs_one_running_uq').on(t.functionId).where(sql`finished_at is null`),
    index('job_runs_started_idx').on(t.functionId, t.startedAt),
  ],
);
