import { boolean, date, doublePrecision, index, integer, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { miners } from './hosting';
import { organizations, sites } from './tenancy';

/**
 * Every reading as uploaded, kept 26 hours. In the database this table is PARTITIONED BY RANGE
 * (collected_at), one partition a day (migration 'telemetry_partitions'; drizzle-kit cannot express
 * it), so retention drops whole partitions instead of deleting rows. The primary key contains the
 * partition key, as PostgreSQL requires, and makes uploads idempotent. It leads with collected_at:
 * readings arrive in time order, so each upload's index entries land on the few rightmost pages
 * instead of one random page per miner across a day's 8.6 M-entry index, and the rollups' hour
 * slices are a range scan of it.
 */
export const telemetryRaw = pgTable(
  'telemetry_raw',
  {
    minerId: uuid().notNull(),
    collectedAt: timestamp({ withTimezone: true }).notNull(),
    online: boolean().notNull(),
    hashrate5sThs: real(),
    hashrateAvgThs: real(),
    hashrateNominalThs: real(),
    tempChipMaxC: real(),
    tempBoardMaxC: real(),
    tempInletC: real(),
    tempOutletC: real(),
    fanMinRpm: integer(),
    fanCount: integer(),
    powerW: real(),
    accepted: doublePrecision(),
    rejected: doublePrecision(),
    hardwareErrors: doublePrecision(),
    uptimeS: integer(),
  },
  (t) => [primaryKey({ columns: [t.collectedAt, t.minerId] })],
);

const figures = {
  hashrate5sThs: real(),
  hashrateAvgThs: real(),
  hashrateNominalThs: real(),
  tempChipMaxC: real(),
  tempBoardMaxC: real(),
  tempInletC: real(),
  tempOutletC: real(),
  fanMinRpm: integer(),
  fanCount: integer(),
  powerW: real(),
  accepted: doublePrecision(),
  rejected: doublePrecision(),
  hardwareErrors: doublePrecision(),
  uptimeS: integer(),
};

/** The latest reading of each miner; an older replayed reading never overwrites a newer one. */
export const minerTelemetryLive = pgTable(
  'miner_telemetry_live',
  {
    minerId: uuid().primaryKey().references(() => miners.id, { onDelete: 'cascade' }),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    collectedAt: timestamp({ withTimezone: true }).notNull(),
    online: boolean().notNull(),
    ...figures,
    /** Since when the miner has been offline without a break; null while online. */
    offlineSince: timestamp({ withTimezone: true }),
    /**
     * The firmware family the collector last identified (lib/edge/types.ts MinerReading.vendor:
     * antminer, whatsminer, luxos, braiins, vnish…) and its version text; kept through offline
     * readings. The command form and bulk actions read what the firmware supports from it.
     */
    vendor: text(),
    firmware: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('miner_telemetry_live_org_site_idx').on(t.orgId, t.siteId)],
);

/**
 * Five-minute buckets (UTC, aligned to :00/:05…), kept 60 days. Averages are over online samples.
 * No foreign key to miners, like telemetry_raw: the per-row check on 1.7 M rows a day doubled the
 * rollup's cost. Every reader joins miners (scope), so a deleted miner's buckets are invisible and
 * age out with the 60-day retention.
 */
export const telemetryHistory5min = pgTable(
  'telemetry_history_5min',
  {
    minerId: uuid().notNull(),
    bucket: timestamp({ withTimezone: true }).notNull(),
    orgId: uuid().notNull(),
    siteId: uuid().notNull(),
    samples: integer().notNull(),
    onlineSamples: integer().notNull(),
    onlineRatio: real().notNull(),
    hashrateAvgThs: real(),
    hashrateMinThs: real(),
    hashrateMaxThs: real(),
    tempChipAvgC: real(),
    tempChipMaxC: real(),
    tempInletAvgC: real(),
    powerAvgW: real(),
    powerMaxW: real(),
    fanMinRpm: integer(),
    fanAvgRpm: real(),
    acceptedDelta: doublePrecision(),
    rejectedDelta: doublePrecision(),
  },
  (t) => [primaryKey({ columns: [t.minerId, t.bucket] }), index('telemetry_history_5min_site_bucket_idx').on(t.siteId, t.bucket)],
);

/** UTC days from the 5-minute history, kept forever: adds energy (Wh, integer) and uptime. */
export const telemetryDaily = pgTable(
  'telemetry_daily',
  {
    minerId: uuid().notNull().references(() => miners.id, { onDelete: 'cascade' }),
    day: date({ mode: 'string' }).notNull(),
    orgId: uuid().notNull(),
    siteId: uuid().notNull(),
    samples: integer().notNull(),
    onlineRatio: real().notNull(),
    hashrateAvgThs: real(),
    hashrateMinThs: real(),
    hashrateMaxThs: real(),
    tempChipAvgC: real(),
    tempChipMaxC: real(),
    powerAvgW: real(),
    powerMaxW: real(),
    fanMinRpm: integer(),
    energyWh: integer().notNull(),
    uptimeHours: real().notNull(),
  },
  (t) => [primaryKey({ columns: [t.minerId, t.day] }), index('telemetry_daily_site_day_idx').on(t.siteId, t.day)],
);
