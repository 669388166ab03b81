import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './tenancy';

const at = () => timestamp({ withTimezone: true });

/**
 * One row per CRM↔hosting sync operation (seed 002): the daily batch, a batch from the button or the
 * API, or one customer's sync. Its counts are what sync-status reads for freshness and the error
 * rate. `run_key` makes a retried run (an Inngest step replayed) write the same row, not a second one.
 */
export const crmSyncRuns = pgTable(
  'crm_sync_runs',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    runKey: text().notNull(),
    // batch · customer
    kind: text().notNull(),
    // schedule · button · api
    trigger: text().notNull(),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    startedAt: at().notNull(),
    finishedAt: at().notNull(),
    /** Customers looked at, those whose hosting figures were taken, skipped (no linked account), failed. */
    total: integer().notNull(),
    synced: integer().notNull(),
    skipped: integer().notNull(),
    errors: integer().notNull(),
    /** Of the synced, how many had a figure that differed from what the record already held. */
    changed: integer().notNull(),
  },
  (t) => [uniqueIndex('crm_sync_runs_key_uq').on(t.orgId, t.runKey), index('crm_sync_runs_org_kind_idx').on(t.orgId, t.kind, t.finishedAt)],
);
