import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { edgeDevices } from './edge';
import { organizations } from './tenancy';

const at = () => timestamp({ withTimezone: true });

/**
 * Calls to outside services (market APIs, Antpool, SMTP, webhooks, power-price feeds) per
 * integration (its host) and hour, added up by every instance (lib/observability/metrics.ts → the
 * sink installed at server start). Latency is kept as a sum and a maximum: the hourly mean and the
 * worst call; the page's percentiles come from the instance's own recent window.
 */
export const integrationCallsHourly = pgTable(
  'integration_calls_hourly',
  {
    integration: text().notNull(),
    hour: at().notNull(),
    calls: integer().notNull().default(0),
    errors: integer().notNull().default(0),
    totalMs: bigint({ mode: 'number' }).notNull().default(0),
    maxMs: integer().notNull().default(0),
    lastOkAt: at(),
    lastErrorAt: at(),
    // A short reason (an HTTP status, an error's name): never a URL's path or query, which can hold keys.
    lastError: text(),
  },
  (t) => [primaryKey({ name: 'integration_calls_hourly_pk', columns: [t.integration, t.hour] })],
);

/** Uploads and readings each collector sent per minute, counted by the ingest statement itself. */
export const edgeIngestMinutes = pgTable(
  'edge_ingest_minutes',
  {
    deviceId: uuid().notNull().references(() => edgeDevices.id, { onDelete: 'cascade' }),
    minute: at().notNull(),
    uploads: integer().notNull().default(0),
    readings: integer().notNull().default(0),
    inserted: integer().notNull().default(0),
  },
  (t) => [primaryKey({ name: 'edge_ingest_minutes_pk', columns: [t.deviceId, t.minute] })],
);

/**
 * Installation-wide findings of the system health check (a slow database, a job that missed its
 * schedule, a silent collector, a failing outside service): one row per (kind, subject, period),
 * so a finding that lasts is raised and sent once per period.
 */
export const systemAlerts = pgTable(
  'system_alerts',
  {
    id: uuid().primaryKey().defaultRandom(),
    // The organization a finding belongs to (a collector's); null for the installation's own (database, jobs, services).
    orgId: uuid().references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    subject: text().notNull(),
    period: text().notNull(),
    severity: text().notNull(),
    detail: jsonb().$type<Record<string, string | number | null>>().notNull(),
    raisedAt: at().notNull(),
    notifiedAt: at(),
  },
  (t) => [uniqueIndex('system_alerts_kind_subject_period_uq').on(t.kind, t.subject, t.period), index('system_alerts_raised_idx').on(t.raisedAt)],
);
