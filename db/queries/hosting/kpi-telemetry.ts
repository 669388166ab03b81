import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../client';
import { miners, telemetryHistory5min } from '../../schema';
import { minerScope } from '../scope';
import { inServiceSql } from './in-service';
import type { Scope } from '@/lib/core/scope';

const BUCKETS_PER_DAY = 288;
const H = telemetryHistory5min;

export type UptimeKpis = {
  /** Miners with any 5-minute history in the last 24 h, and their share of online 5-minute buckets. */
  historyMiners: number;
  uptimePct24h: number | null;
};

/**
 * The KPI page's 24 h uptime: online buckets over 288 per miner in service with any history in the
 * day (a bucket with no data counts as down, since a miner that stops reporting is not hashing for
 * the customer either). Hashrate and power now are not here: the page shows the one measured figure
 * (hostingKpis), not a second one from the live table with its own freshness window.
 */
export async function uptimeKpis(db: Db, scope: Scope, now: Date): Promise<UptimeKpis> {
  const dayAgo = new Date(now.getTime() - 24 * 3_600_000);
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`with scoped as (
          select ${miners.id} as id from ${miners} where ${minerScope(scope)} and ${inServiceSql}
        )
        select count(distinct ${H.minerId})::int as miners, coalesce(sum(${H.onlineRatio}), 0)::float8 as online_buckets
        from ${H} join scoped on scoped.id = ${H.minerId}
        where ${H.bucket} >= ${dayAgo.toISOString()}::timestamptz and ${H.bucket} < ${now.toISOString()}::timestamptz`,
  );
  const historyMiners = Number(row?.miners ?? 0);
  return {
    historyMiners,
    uptimePct24h: historyMiners ? (100 * Number(row?.online_buckets ?? 0)) / (historyMiners * BUCKETS_PER_DAY) : null,
  };
}
