import { index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { miners } from './hosting';
import { organizations, sites, users } from './tenancy';

/**
 * A window a site curtails in, set ahead: 'scheduled' (an operator's plan, a contract's hours) or
 * 'peak_warning' (a transmission-peak, 4CP-style, warning from the utility or the ISO). Stored in UTC,
 * entered in the site's zone. The minute job starts it on time; the curtailment it starts carries
 * `window_id`, unique, so a window never starts twice. One window per site, kind and start: an
 * import given again updates the rows it already made.
 */
export const curtailmentWindows = pgTable(
  'curtailment_windows',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    /** scheduled | peak_warning */
    kind: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    strategy: text().notNull(),
    targetKind: text().notNull(),
    targetKw: numeric({ precision: 12, scale: 3 }).notNull(),
    perMinute: integer().notNull().default(100),
    /** manual | csv */
    source: text().notNull().default('manual'),
    note: text(),
    cancelledAt: timestamp({ withTimezone: true }),
    /** Why the last attempt to start it failed (no fresh reading, say); the next minute tries again while the window lasts. */
    startError: text(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('curtailment_windows_site_kind_start_uq').on(t.siteId, t.kind, t.startsAt), index('curtailment_windows_org_start_idx').on(t.orgId, t.startsAt)],
);

/** A feeder or PDU of a site with the most it may carry: Optimal keeps each under its cap (HiGHS). */
export const powerFeeders = pgTable(
  'power_feeders',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    /** The name on the single-line diagram ('F-12', 'PDU-3A'). */
    code: text().notNull(),
    capKw: numeric({ precision: 12, scale: 3 }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('power_feeders_site_code_uq').on(t.siteId, t.code)],
);

/** Which feeder a miner hangs on: one per miner. */
export const powerFeederMiners = pgTable(
  'power_feeder_miners',
  {
    minerId: uuid().primaryKey().references(() => miners.id, { onDelete: 'cascade' }),
    feederId: uuid().notNull().references(() => powerFeeders.id, { onDelete: 'cascade' }),
  },
  (t) => [index('power_feeder_miners_feeder_idx').on(t.feederId)],
);
