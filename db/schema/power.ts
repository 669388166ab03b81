import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TouSeason } from '@/lib/domain/power/tariff';
import { customers } from './hosting';
import { organizations, sites, users } from './tenancy';

const at = () => timestamp({ withTimezone: true });
const wh = () => bigint({ mode: 'number' });

/**
 * A site's tariff, one row per version (lib/domain/power/tariff.ts reads them): in force from
 * `effective_from` (a local midnight) until the next version. Rates are milli-cents per kWh
 * ($0.00001), demand cents per kW of the month's peak, fixed cents a month. Rows are never edited
 * once a bill was issued over their period (db/queries/power/tariffs.ts refuses it), so an issued
 * bill always reads the prices it was computed with.
 */
export const siteTariffs = pgTable(
  'site_tariffs',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    effectiveFrom: at().notNull(),
    // flat · tou
    kind: text().notNull(),
    ratesMcPerKwh: jsonb().$type<Partial<Record<'peak' | 'shoulder' | 'off_peak' | 'flat', number>>>().notNull(),
    seasons: jsonb().$type<TouSeason[]>().notNull().default([]),
    holidays: jsonb().$type<string[]>().notNull().default([]),
    demandCentsPerKw: integer().notNull().default(0),
    fixedMonthlyCents: integer().notNull().default(0),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('site_tariffs_site_from_uq').on(t.siteId, t.effectiveFrom)],
);

/**
 * What every power aggregate row holds. Energy by tariff window sums to energy_wh; cost is the
 * energy at each five-minute bucket's rate, in milli-cents (demand and fixed charges are monthly, on
 * the bill). avg_w is over the buckets that had readings; peak_w the highest five-minute site total.
 */
const figures = {
  energyWh: wh().notNull(),
  whPeak: wh().notNull(),
  whShoulder: wh().notNull(),
  whOffPeak: wh().notNull(),
  whFlat: wh().notNull(),
  costMc: bigint({ mode: 'number' }).notNull(),
  avgW: bigint({ mode: 'number' }).notNull(),
  peakW: bigint({ mode: 'number' }).notNull(),
  co2G: bigint({ mode: 'number' }).notNull(),
  minerCount: integer().notNull(),
  /** Five-minute buckets with readings: 12 make a complete hour. */
  buckets: integer().notNull(),
  // meter · pdu (site rows only) · telemetry · nameplate · mixed
  source: text().notNull(),
  updatedAt: at().notNull().defaultNow(),
};

/**
 * Per site and UTC hour (db/queries/power/aggregate.ts). The figures are the first source that covers
 * the hour — the site meters, else the PDU meters, else the miners (telemetry, nameplate × uptime),
 * named in `source`; beside them each source's own energy, for the reconciliation (meter against
 * miners). `meters_seen_at` is the newest meter reading the row was built from: a reading received
 * later re-aggregates the hour.
 */
export const powerHourly = pgTable(
  'power_hourly',
  {
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    hour: at().notNull(),
    orgId: uuid().notNull(),
    ...figures,
    /** Site meters' energy when they cover the whole hour, else null. */
    meterWh: wh(),
    /** PDU meters' energy when they cover the whole hour, else null. */
    pduWh: wh(),
    /** The miners' energy: reported power × uptime, nameplate where none was reported. */
    minersWh: wh().notNull().default(0),
    metersSeenAt: at(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.hour] })],
);

/** Per customer at a site and UTC hour; miners without a customer count only in the site's row. */
export const powerCustomerHourly = pgTable(
  'power_customer_hourly',
  {
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    customerId: uuid().notNull().references(() => customers.id, { onDelete: 'cascade' }),
    hour: at().notNull(),
    orgId: uuid().notNull(),
    ...figures,
  },
  (t) => [primaryKey({ columns: [t.siteId, t.customerId, t.hour] }), index('power_customer_hourly_customer_idx').on(t.customerId, t.hour)],
);

/** Per site and local calendar day (the site's zone: 23, 24 or 25 hours). */
export const powerDaily = pgTable(
  'power_daily',
  { siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }), day: date({ mode: 'string' }).notNull(), orgId: uuid().notNull(), ...figures },
  (t) => [primaryKey({ columns: [t.siteId, t.day] })],
);

export const powerCustomerDaily = pgTable(
  'power_customer_daily',
  {
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    customerId: uuid().notNull().references(() => customers.id, { onDelete: 'cascade' }),
    day: date({ mode: 'string' }).notNull(),
    orgId: uuid().notNull(),
    ...figures,
  },
  (t) => [primaryKey({ columns: [t.siteId, t.customerId, t.day] }), index('power_customer_daily_customer_idx').on(t.customerId, t.day)],
);

/** Per site and local calendar month; `month` is its first day. */
export const powerMonthly = pgTable(
  'power_monthly',
  { siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }), month: date({ mode: 'string' }).notNull(), orgId: uuid().notNull(), ...figures },
  (t) => [primaryKey({ columns: [t.siteId, t.month] })],
);

export const powerCustomerMonthly = pgTable(
  'power_customer_monthly',
  {
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    customerId: uuid().notNull().references(() => customers.id, { onDelete: 'cascade' }),
    month: date({ mode: 'string' }).notNull(),
    orgId: uuid().notNull(),
    ...figures,
  },
  (t) => [primaryKey({ columns: [t.siteId, t.customerId, t.month] }), index('power_customer_monthly_customer_idx').on(t.customerId, t.month)],
);

/**
 * A site or PDU meter's energy over an interval (period_start, period_end], from a CSV import or
 * the meters' push API (`source`). A re-sent interval replaces the earlier value (and re-aggregates
 * its hours).
 */
export const meterReadings = pgTable(
  'meter_readings',
  {
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    meterId: text().notNull(),
    periodEnd: at().notNull(),
    periodStart: at().notNull(),
    orgId: uuid().notNull(),
    energyWh: wh().notNull(),
    // csv · api
    source: text().notNull(),
    /** site: the site's supply (miners, cooling, losses) · pdu: a PDU feeding miners. */
    kind: text().notNull().default('site'),
    receivedAt: at().notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.siteId, t.meterId, t.periodEnd] }),
    index('meter_readings_site_end_idx').on(t.siteId, t.periodEnd),
    index('meter_readings_site_received_idx').on(t.siteId, t.receivedAt),
  ],
);

/**
 * What a customer pays for hosting at a site on top of its energy (the power bill's hosting lines):
 * a monthly fee, a fee per miner and month, and a service fee per kWh (milli-cents, like tariffs).
 * Read when a bill is drafted; an issued bill keeps the lines it was issued with.
 */
export const customerHostingFees = pgTable(
  'customer_hosting_fees',
  {
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    customerId: uuid().notNull().references(() => customers.id, { onDelete: 'cascade' }),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    monthlyCents: integer().notNull().default(0),
    perMinerMonthCents: integer().notNull().default(0),
    mcPerKwh: integer().notNull().default(0),
    updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.customerId] })],
);

/**
 * A customer's monthly power bill at a site. A draft is recomputed on demand; issuing numbers it
 * (per organization, gapless) and locks it: the lines are the record, never recomputed.
 */
export const powerBills = pgTable(
  'power_bills',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'restrict' }),
    customerId: uuid().notNull().references(() => customers.id, { onDelete: 'restrict' }),
    /** First day of the local month billed. */
    month: date({ mode: 'string' }).notNull(),
    // draft · issued
    status: text().notNull().default('draft'),
    seq: integer(),
    number: text(),
    lines: jsonb().notNull(),
    energyWh: wh().notNull(),
    totalCents: bigint({ mode: 'number' }).notNull(),
    issuedAt: at(),
    issuedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('power_bills_party_month_uq').on(t.siteId, t.customerId, t.month),
    uniqueIndex('power_bills_org_seq_uq').on(t.orgId, t.seq).where(sql`${t.seq} is not null`),
    index('power_bills_customer_idx').on(t.customerId, t.month),
  ],
);
