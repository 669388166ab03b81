import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ANOMALY_KINDS, type ExplainPart } from '../../lib/domain/anomaly/types';
import { alertSeverity } from './alerts';
import { miners } from './hosting';
import { organizations, sites } from './tenancy';

/**
 * What the anomaly job (inngest/functions/telemetry/anomalies.ts) found, one row per miner and kind
 * while it lasts: a re-run of the same evaluation updates the open row (last_seen_at, figures), a
 * kind no longer found is resolved. `explain` holds message keys and numbers, never phrased text.
 */
export const anomalyFlags = pgTable(
  'anomaly_flags',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    minerId: uuid().notNull().references(() => miners.id, { onDelete: 'cascade' }),
    kind: text({ enum: ANOMALY_KINDS }).notNull(),
    severity: alertSeverity().notNull(),
    observed: doublePrecision().notNull(),
    unit: text().notNull(),
    score: real().notNull(),
    explain: jsonb().$type<ExplainPart[]>().notNull(),
    firstSeenAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    resolvedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('anomaly_flags_open_uq').on(t.minerId, t.kind).where(sql`${t.resolvedAt} is null`),
    index('anomaly_flags_org_seen_idx').on(t.orgId, t.lastSeenAt),
    check('anomaly_flags_kind_ck', sql.raw(`"kind" in (${ANOMALY_KINDS.map((k) => `'${k}'`).join(', ')})`)),
  ],
);
