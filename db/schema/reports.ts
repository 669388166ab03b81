import { customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Scope } from '@/lib/core/scope';
import { customers } from './hosting';
import { organizations, users } from './tenancy';

const at = () => timestamp({ withTimezone: true });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * One generated report (issue 19 part 1): asked for on /reports or by the monthly delivery, built by
 * the reports/generate Inngest function, which moves `status` queued → running → done | failed and
 * `progress` 0–100 as it goes. The file is stored here (bytea), not on disk: reports are tens to a few
 * hundred kilobytes (6,000 miners: ~200 KB XLSX), and a row is readable from every app instance
 * behind the load balancer, which a DATA_DIR file is not. `scope` is the requester's scope when
 * asked, so the job can never build more than the requester may see.
 * `delivery_key` makes the monthly e-mail idempotent: one per month and recipient.
 */
export const reportRuns = pgTable(
  'report_runs',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    requestedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    kind: text().notNull(),
    format: text().notNull(),
    locale: text().notNull(),
    month: text().notNull(),
    customerId: uuid().references(() => customers.id, { onDelete: 'cascade' }),
    scope: jsonb().$type<Scope>().notNull(),
    // queued · running · done · failed
    status: text().notNull().default('queued'),
    progress: integer().notNull().default(0),
    error: text(),
    fileName: text(),
    sizeBytes: integer(),
    file: bytea(),
    deliveryKey: text(),
    emailTo: text(),
    emailedAt: at(),
    createdAt: at().notNull().defaultNow(),
    startedAt: at(),
    finishedAt: at(),
  },
  (t) => [index('report_runs_org_created_idx').on(t.orgId, t.createdAt), index('report_runs_requested_by_idx').on(t.requestedBy, t.createdAt), uniqueIndex('report_runs_delivery_uq').on(t.deliveryKey)],
);
