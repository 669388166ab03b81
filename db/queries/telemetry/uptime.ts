import { type SQL, sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { type Uptime, uptime24h, UPTIME_WINDOW_MS } from '@/lib/domain/telemetry/uptime';
import { type Db, queryRows } from '../../client';
import { miners } from '../../schema';
import { minerScope } from '../scope';

/*
 * What the 24 h uptime rule (lib/domain/telemetry/uptime.ts) reads for each miner: its 5-minute
 * buckets, daily rollups and live reading, and its linked workers' pool hours in the window. Index
 * lookups per miner (history and daily by their (miner_id, …) keys, pool by pool_worker_links_miner_idx
 * and pool_workers_uq): meant for a page of miners, not for sums over a fleet. The rule itself runs
 * in TypeScript on these columns (toUptime), so it is written once.
 */

const span = (now: Date) => ({ from: sql`${new Date(now.getTime() - UPTIME_WINDOW_MS).toISOString()}::timestamptz`, to: sql`${now.toISOString()}::timestamptz` });

/** Laterals after a FROM that has "miners" (unaliased); select their columns with uptimeSelect. */
export function uptimeJoins(now: Date): SQL {
  const { from, to } = span(now);
  return sql`
    left join miner_telemetry_live ut_lv on ut_lv.miner_id = "miners"."id"
    cross join lateral (
      select coalesce(sum(h.online_ratio), 0)::float8 as online, count(*)::int as buckets
      from telemetry_history_5min h where h.miner_id = "miners"."id" and h.bucket >= ${from} and h.bucket < ${to}
    ) ut_h
    cross join lateral (
      select coalesce(sum(d.uptime_hours), 0)::float8 as hours, count(*)::int as days
      from telemetry_daily d where d.miner_id = "miners"."id" and d.day between (${from} at time zone 'UTC')::date and (${to} at time zone 'UTC')::date
    ) ut_d
    cross join lateral (
      select (count(*) filter (where w.status = 'online'))::int as online, count(*)::int as observed
      from pool_worker_links l join pool_workers w on w.account_id = l.account_id and w.worker_name = l.worker_name
      where l.miner_id = "miners"."id" and w.recorded_at > ${from} and w.recorded_at <= ${to}
    ) ut_p`;
}

export const uptimeSelect = sql`ut_h.online as ut_h_online, ut_h.buckets as ut_h_buckets, ut_d.hours as ut_d_hours, ut_d.days as ut_d_days,
  ut_lv.collected_at as ut_live_at, ut_lv.online as ut_live_online, ut_lv.uptime_s as ut_live_uptime_s, ut_p.online as ut_p_online, ut_p.observed as ut_p_observed`;

export type UptimeColumns = {
  ut_h_online: number | string;
  ut_h_buckets: number;
  ut_d_hours: number | string;
  ut_d_days: number;
  ut_live_at: string | Date | null;
  ut_live_online: boolean | null;
  ut_live_uptime_s: number | null;
  ut_p_online: number;
  ut_p_observed: number;
};

/** The rule over the columns of uptimeSelect; `status` is the miner's set status. */
export const toUptime = (r: UptimeColumns & { status: string }, now: Date): Uptime =>
  uptime24h(
    {
      adminStatus: r.status,
      history: { onlineBuckets: Number(r.ut_h_online), buckets: Number(r.ut_h_buckets) },
      daily: { uptimeHours: Number(r.ut_d_hours), days: Number(r.ut_d_days) },
      live: r.ut_live_at === null ? null : { collectedAt: new Date(r.ut_live_at), online: Boolean(r.ut_live_online), uptimeS: r.ut_live_uptime_s === null ? null : Number(r.ut_live_uptime_s) },
      pool: { onlineHours: Number(r.ut_p_online), observedHours: Number(r.ut_p_observed) },
    },
    now,
  );

/** The 24 h uptime of the miners in scope among `ids`, by miner id. */
export async function minerUptimes(db: Db, scope: Scope, now: Date, ids: string[]): Promise<Map<string, Uptime>> {
  if (!ids.length) return new Map();
  const rows = await queryRows<UptimeColumns & { id: string; status: string }>(
    db,
    sql`select ${miners.id} as id, ${miners.status}::text as status, ${uptimeSelect}
      from ${miners} ${uptimeJoins(now)}
      where ${minerScope(scope)} and ${miners.id} in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`,
  );
  return new Map(rows.map((r) => [r.id, toUptime(r, now)]));
}
