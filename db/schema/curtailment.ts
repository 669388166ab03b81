import { bigint, boolean, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { curtailmentWindows } from './curtailment-windows';
import { edgeCommands } from './edge';
import { miners } from './hosting';
import { tickets } from './tickets';
import { organizations, sites, users } from './tenancy';

/**
 * curtailing: commands go out wave by wave (N miners a minute); holding: all sent, the reduction is
 * verified from telemetry; recovering: wake waves; completed: recovery checked, savings priced.
 */
export const curtailmentStatus = pgEnum('curtailment_status', ['curtailing', 'holding', 'recovering', 'completed']);

/** One curtailment of one site: what was asked, planned and achieved, and what it saved. */
export const curtailmentEvents = pgTable(
  'curtailment_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    /** manual | scheduled | peak_warning | strike | demand_response | thermal */
    trigger: text().notNull().default('manual'),
    /** The scheduled or peak-warning window that started it: unique, so a window starts once. */
    windowId: uuid().references(() => curtailmentWindows.id, { onDelete: 'set null' }),
    strategy: text().notNull(),
    targetKind: text().notNull(),
    targetKw: numeric({ precision: 12, scale: 3 }).notNull(),
    /** All commands at once instead of staggered (emergency stop). */
    emergency: boolean().notNull().default(false),
    perMinute: integer().notNull(),
    status: curtailmentStatus().notNull().default('curtailing'),
    requestedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Null: until someone stops it. */
    endsAt: timestamp({ withTimezone: true }),
    stopRequestedAt: timestamp({ withTimezone: true }),
    /** The site's measured draw when planned, and the plan's figures. */
    baselineW: integer().notNull(),
    requestedShedW: integer().notNull(),
    plannedShedW: integer().notNull(),
    hashpriceUsdPerPhDay: numeric(),
    tariffMcPerKwh: integer(),
    waves: integer().notNull(),
    wavesSent: integer().notNull().default(0),
    allSentAt: timestamp({ withTimezone: true }),
    verifiedAt: timestamp({ withTimezone: true }),
    achievedShedW: integer(),
    verification: jsonb(),
    recoveryStartedAt: timestamp({ withTimezone: true }),
    recoveryWavesSent: integer().notNull().default(0),
    recoverySentAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    recovered: integer(),
    notRecovered: integer(),
    energyAvoidedWh: bigint({ mode: 'number' }),
    costAvoidedCents: bigint({ mode: 'number' }),
    revenueForgoneCents: bigint({ mode: 'number' }),
    netSavingCents: bigint({ mode: 'number' }),
    /** Hour by hour, and the hours without a price. */
    savings: jsonb(),
    /** The site's minimum off time when it started (site_curtailment_settings): recovery waits for it. */
    minOffMinutes: integer().notNull().default(0),
  },
  (t) => [index('curtailment_events_org_site_idx').on(t.orgId, t.siteId, t.createdAt), index('curtailment_events_open_idx').on(t.status), uniqueIndex('curtailment_events_window_uq').on(t.windowId)],
);

/** Each miner a curtailment touched: its wave, what it drew and hashed before, its commands and its recovery. */
export const curtailmentEventMiners = pgTable(
  'curtailment_event_miners',
  {
    eventId: uuid().notNull().references(() => curtailmentEvents.id, { onDelete: 'cascade' }),
    minerId: uuid().notNull().references(() => miners.id, { onDelete: 'cascade' }),
    /** sleep | power_target */
    action: text().notNull(),
    powerTargetW: integer(),
    wave: integer().notNull(),
    prePowerW: real().notNull(),
    preHashrateThs: real().notNull(),
    curtailCommandId: uuid().references(() => edgeCommands.id, { onDelete: 'set null' }),
    restoreCommandId: uuid().references(() => edgeCommands.id, { onDelete: 'set null' }),
    recovered: boolean(),
    recoveredHashrateThs: real(),
    ticketId: uuid().references(() => tickets.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.minerId] }), index('curtailment_event_miners_miner_idx').on(t.minerId)],
);

/**
 * A standing curtailment rule of a site. 'strike': the power price of each five-minute window against
 * a high and a low strike (fixed or the hashprice break-even), from a feed ('http': polled; 'manual':
 * prices entered or imported as CSV into power_prices). `state` is the strike rule's (streaks, last
 * window); `activeEventId` the curtailment it started, until it resumes.
 */
export const curtailmentPlans = pgTable(
  'curtailment_plans',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    mode: text().notNull().default('strike'),
    enabled: boolean().notNull().default(true),
    strategy: text().notNull(),
    targetKind: text().notNull(),
    targetKw: numeric({ precision: 12, scale: 3 }).notNull(),
    perMinute: integer().notNull().default(100),
    feedKind: text().notNull().default('manual'),
    feedUrl: text(),
    /** StrikeConfig (lib/domain/power/curtailment/strike.ts). */
    strike: jsonb().notNull(),
    /** StrikeState. */
    state: jsonb().notNull(),
    activeEventId: uuid().references(() => curtailmentEvents.id, { onDelete: 'set null' }),
    lastDecision: jsonb(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('curtailment_plans_site_idx').on(t.orgId, t.siteId)],
);

/** Power prices of a site per five-minute window (USD/MWh), from a feed, a CSV import or by hand. */
export const powerPrices = pgTable(
  'power_prices',
  {
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    usdPerMwh: numeric({ precision: 12, scale: 4 }).notNull(),
    source: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.windowStart] })],
);

/**
 * How a site's curtailments may treat its miners, read by every plan (manual, scheduled, strike,
 * demand response): a miner woken less than `min_on_minutes` ago is held on, one slept less than
 * `min_off_minutes` ago stays asleep; `power_target_pcts` are the reduced operating points (percent of
 * a miner's measured draw) the Optimal strategy may down-clock to instead of sleeping, for firmware
 * that takes a power target. No row: no minimum times and sleep only.
 */
export const siteCurtailmentSettings = pgTable('site_curtailment_settings', {
  siteId: uuid()
    .primaryKey()
    .references(() => sites.id, { onDelete: 'cascade' }),
  orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  minOnMinutes: integer().notNull().default(0),
  minOffMinutes: integer().notNull().default(0),
  powerTargetPcts: integer().array().notNull().default(sql`'{}'::integer[]`),
  updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
