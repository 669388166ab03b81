import { sql } from 'drizzle-orm';
import type { MinerObservation, RobustStats } from '@/lib/domain/anomaly/types';
import { type Db, queryRows } from '../../client';

/** The recent window each evaluation judges, and how far back its baselines reach. */
export const RECENT_MS = 3_600_000;
export const BASELINE_DAYS = 30;
export const TREND_DAYS = 14;

const METRICS = [
  ['hr', 'hashrate_avg_ths'],
  ['t', 'temp_chip_avg_c'],
  ['p', 'power_avg_w'],
  ['fan', 'fan_min_rpm'],
] as const;

/*
 * Everything the detector needs about an organization's active miners, in one statement, all
 * aggregation in SQL:
 *  - recent: the last hour of five-minute buckets (online samples only);
 *  - own: median and MAD of the miner's daily averages over the 30 full UTC days before `to`'s day
 *    (days it was online at least half of), from telemetry_daily — MAD needs the median first, hence
 *    two passes; reject rate from the previous 24 h of five-minute buckets (the daily table keeps none);
 *  - trend: its last 14 daily hashrate and chip-temperature averages, oldest first;
 *  - peers: median and MAD of the recent figures of the miners of the same model at the same site.
 *    The group includes the miner itself (excluding it would be one median per miner); `n` counts the others.
 * Miners in a curtailment that was running at any time in the recent window are left out: their drop is intended.
 */
export async function loadAnomalyInputs(db: Db, orgId: string, to: Date): Promise<MinerObservation[]> {
  const from = new Date(to.getTime() - RECENT_MS).toISOString();
  const rejFrom = new Date(to.getTime() - RECENT_MS - 86_400_000).toISOString();
  const today = to.toISOString().slice(0, 10);
  const toIso = to.toISOString();
  const med = (a: string, c: string) => `percentile_cont(0.5) within group (order by ${c}) as ${a}_med, count(${c}) as ${a}_n`;
  const mad = (a: string, c: string) => `percentile_cont(0.5) within group (order by abs(${c} - o.${a}_med)) as ${a}_mad`;
  const ownMed = METRICS.map(([a, c]) => med(a, `d.${c}`)).join(', ');
  const ownMad = METRICS.map(([a, c]) => mad(a, `d.${c}`)).join(', ');
  const peerMed = [...METRICS.map(([a]) => med(a, `r.${a}`)), med('rej', 'r.rej')].join(', ');
  const peerMad = [...METRICS.map(([a]) => mad(a, `r.${a}`)), mad('rej', 'r.rej')].join(', ');
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with m as (
          select id, site_id, model_id from miners mi where org_id = ${orgId} and status = 'active'
            -- Switched off or down-clocked on purpose within the window: a curtailment, not an anomaly.
            and not exists (select 1 from curtailment_event_miners cm join curtailment_events e on e.id = cm.event_id
                            where cm.miner_id = mi.id and e.org_id = ${orgId} and e.created_at < ${toIso}::timestamptz
                              and (e.completed_at is null or e.completed_at >= ${from}::timestamptz))
        ), recent as (
          select h.miner_id, m.site_id, m.model_id, avg(h.hashrate_avg_ths) as hr, avg(h.temp_chip_avg_c) as t, avg(h.power_avg_w) as p, min(h.fan_min_rpm) as fan,
            100 * sum(h.rejected_delta) / nullif(sum(h.accepted_delta) + sum(h.rejected_delta), 0) as rej
          from telemetry_history_5min h join m on m.id = h.miner_id
          where h.org_id = ${orgId} and h.bucket >= ${from}::timestamptz and h.bucket < ${toIso}::timestamptz and h.online_samples > 0
          group by h.miner_id, m.site_id, m.model_id
        ), days as (
          select d.* from telemetry_daily d join m on m.id = d.miner_id
          where d.org_id = ${orgId} and d.day >= ${today}::date - ${BASELINE_DAYS}::int and d.day < ${today}::date and d.online_ratio >= 0.5
        ), own_med as (
          select d.miner_id, ${sql.raw(ownMed)} from days d group by d.miner_id
        ), own_mad as (
          select d.miner_id, ${sql.raw(ownMad)} from days d join own_med o using (miner_id) group by d.miner_id
        ), trend as (
          select d.miner_id,
            array_agg(d.hashrate_avg_ths order by d.day) filter (where d.hashrate_avg_ths is not null) as hr_series,
            array_agg(d.temp_chip_avg_c order by d.day) filter (where d.temp_chip_avg_c is not null) as t_series
          from days d where d.day >= ${today}::date - ${TREND_DAYS}::int group by d.miner_id
        ), own_rej as (
          select h.miner_id, 100 * sum(h.rejected_delta) / nullif(sum(h.accepted_delta) + sum(h.rejected_delta), 0) as rej
          from telemetry_history_5min h join m on m.id = h.miner_id
          where h.org_id = ${orgId} and h.bucket >= ${rejFrom}::timestamptz and h.bucket < ${from}::timestamptz and h.online_samples > 0
          group by h.miner_id
        ), peer_med as (
          select r.site_id, r.model_id, ${sql.raw(peerMed)} from recent r group by r.site_id, r.model_id
        ), peer_mad as (
          select r.site_id, r.model_id, ${sql.raw(peerMad)} from recent r join peer_med o using (site_id, model_id) group by r.site_id, r.model_id
        )
        select r.miner_id, r.site_id, r.model_id, r.hr, r.t, r.p, r.fan, r.rej,
          om.hr_med as o_hr_med, om.hr_n as o_hr_n, oa.hr_mad as o_hr_mad, om.t_med as o_t_med, om.t_n as o_t_n, oa.t_mad as o_t_mad,
          om.p_med as o_p_med, om.p_n as o_p_n, oa.p_mad as o_p_mad, om.fan_med as o_fan_med, om.fan_n as o_fan_n, oa.fan_mad as o_fan_mad,
          orj.rej as o_rej, tr.hr_series, tr.t_series,
          pm.hr_med as p_hr_med, pm.hr_n as p_hr_n, pa.hr_mad as p_hr_mad, pm.t_med as p_t_med, pm.t_n as p_t_n, pa.t_mad as p_t_mad,
          pm.p_med as p_p_med, pm.p_n as p_p_n, pa.p_mad as p_p_mad, pm.fan_med as p_fan_med, pm.fan_n as p_fan_n, pa.fan_mad as p_fan_mad,
          pm.rej_med as p_rej_med, pm.rej_n as p_rej_n, pa.rej_mad as p_rej_mad
        from recent r
        left join own_med om on om.miner_id = r.miner_id left join own_mad oa on oa.miner_id = r.miner_id
        left join own_rej orj on orj.miner_id = r.miner_id left join trend tr on tr.miner_id = r.miner_id
        left join peer_med pm on pm.site_id = r.site_id and pm.model_id = r.model_id
        left join peer_mad pa on pa.site_id = r.site_id and pa.model_id = r.model_id
        order by r.miner_id`,
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const stats = (r: Record<string, unknown>, p: string, others = 0): RobustStats | null => {
    const median = num(r[`${p}_med`]);
    const n = Number(r[`${p}_n`] ?? 0) - others;
    return median === null || n <= 0 ? null : { median, mad: num(r[`${p}_mad`]) ?? 0, n };
  };
  const series = (v: unknown) => (Array.isArray(v) ? v : typeof v === 'string' ? v.replace(/[{}]/g, '').split(',').filter(Boolean) : []).map(Number);
  return rows.map((r) => {
    const peer = (a: string) => (num(r[a]) === null ? null : stats(r, `p_${a}`, 1));
    return {
      minerId: r.miner_id as string,
      siteId: r.site_id as string,
      modelId: Number(r.model_id),
      recent: { hashrateThs: num(r.hr), chipTempC: num(r.t), powerW: num(r.p), rejectPct: num(r.rej), fanMinRpm: num(r.fan) },
      own: { hashrateThs: stats(r, 'o_hr'), chipTempC: stats(r, 'o_t'), powerW: stats(r, 'o_p'), fanMinRpm: stats(r, 'o_fan'), rejectPct: num(r.o_rej) },
      dailyHashrateThs: series(r.hr_series),
      dailyChipTempC: series(r.t_series),
      peers: { hashrateThs: peer('hr'), chipTempC: peer('t'), powerW: peer('p'), fanMinRpm: peer('fan'), rejectPct: peer('rej') },
    };
  });
}
