import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../client';
import { miners, minerTelemetryLive, telemetryHistory5min } from '../../schema';
import { minerScope } from '../scope';
import { inServiceSql } from './in-service';
import type { Scope } from '@/lib/core/scope';

/** A live reading older than this no longer counts as "now" (a collector polls every 1–5 minutes). */
export const LIVE_FRESH_MINUTES = 15;
const BUCKETS_PER_DAY = 288;
const L = minerTelemetryLive;
const H = telemetryHistory5min;

export type TelemetryKpis = {
  /** Miners with a live reading younger than LIVE_FRESH_MINUTES. */
  reportingMiners: number;
  onlineMiners: number;
  /** Measured by the miners themselves (average hashrate, reported or model power). */
  actualThs: number;
  actualKw: number;
  /** Miners with any 5-minute history in the last 24 h, and their share of online 5-minute buckets. */
  historyMiners: number;
  uptimePct24h: number | null;
};

/**
 * What the miners report, beside the nominal KPIs: actual hashrate and power now, and 24 h uptime
 * as online buckets over 288 per reporting miner (a bucket with no data counts as down, since a
 * miner that stops reporting is not hashing for the customer either). Scoped like every hosting query.
 */
export async function telemetryKpis(db: Db, scope: Scope, now: Date): Promise<TelemetryKpis> {
  const fresh = new Date(now.getTime() - LIVE_FRESH_MINUTES * 60_000);
  const dayAgo = new Date(now.getTime() - 24 * 3_600_000);
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`with scoped as (
          select ${miners.id} as id from ${miners} where ${minerScope(scope)} and ${inServiceSql}
        ),
        live as (
          select count(*)::int as reporting,
                 count(*) filter (where ${L.online})::int as online,
                 coalesce(sum(coalesce(${L.hashrateAvgThs}, ${L.hashrate5sThs})) filter (where ${L.online}), 0)::float8 as ths,
                 coalesce(sum(${L.powerW}) filter (where ${L.online}), 0)::float8 / 1000 as kw
          from ${L} join scoped on scoped.id = ${L.minerId}
          where ${L.collectedAt} >= ${fresh.toISOString()}::timestamptz
        ),
        hist as (
          select count(distinct ${H.minerId})::int as miners, coalesce(sum(${H.onlineRatio}), 0)::float8 as online_buckets
          from ${H} join scoped on scoped.id = ${H.minerId}
          where ${H.bucket} >= ${dayAgo.toISOString()}::timestamptz and ${H.bucket} < ${now.toISOString()}::timestamptz
        )
        select live.*, hist.miners as history_miners, hist.online_buckets from live, hist`,
  );
  const historyMiners = Number(row?.history_miners ?? 0);
  return {
    reportingMiners: Number(row?.reporting ?? 0),
    onlineMiners: Number(row?.online ?? 0),
    actualThs: Number(row?.ths ?? 0),
    actualKw: Number(row?.kw ?? 0),
    historyMiners,
    uptimePct24h: historyMiners ? (100 * Number(row?.online_buckets ?? 0)) / (historyMiners * BUCKETS_PER_DAY) : null,
  };
}
