import { type SQL, sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import type { FigureSource } from '@/lib/domain/telemetry/measured';
import { DEFAULT_OVERHEAT_CHIP_C, type OperationalState, POOL_FRESH_MS, SLEEP_POWER_SHARE, type StateSource, TELEMETRY_FRESH_MS } from '@/lib/domain/telemetry/operational-state';
import { type Db, queryRows } from '../../client';
import { minerModels, miners } from '../../schema';
import { minerScope } from '../scope';

/*
 * The operational state and measured figures of each miner in SQL, for lists and sums over 10,000
 * miners in one statement. The rule is lib/domain/telemetry/operational-state.ts (state) and
 * measured.ts (hashrate, power), written out again here; tests/telemetry/operational-state.test.ts
 * runs both over the same fixture and compares them row by row.
 *
 * Use: `with ${measuredWith(now, orgId)}` (the pool's figures, computed once: a derived table here
 * was re-run per miner by nested loops, 6 s at 10,000 miners), then `measuredJoins(now, orgId)` after
 * a FROM that has "miners" and "miner_models" (unaliased), then the columns st.* and ms.* — or
 * measuredSelect for all of them.
 */

const interval = (ms: number) => sql.raw(`interval '${Math.round(ms / 1000)} seconds'`);

/**
 * lv: the live reading (one row per miner, by primary key, of the org). pw (measured_pool): each linked miner's
 * newest worker hour within POOL_FRESH_MS — set-based (a range of pool_worker hours hash-joined to the
 * links), since a probe per miner cost 160 ms at 10,000 miners. The org's accounts come in as an
 * array: joined, pool_accounts (a handful of rows autovacuum never analyses) was taken for one row and
 * the plan went back to one probe per link. Older hours are not read: a worker with none that fresh
 * gives no pool reading (nor a last share). st: the state, source and last seen; the overheat
 * threshold is the lowest enabled TEMP_HIGH rule that targets the miner (measured_rules, the org's
 * rules read once), looked up only for a current reading hotter than the lowest such rule. Over
 * edge_alert_rules itself that lookup was priced for every miner (190,000 cost units at 10,000
 * miners), which crossed jit_above_cost: compiling the plan cost more than running it (100 ms). ms:
 * the figures. OFFSET 0 keeps src, st and h from being flattened: flattened, each reference to
 * st.state copied its whole CASE into the next (5 s at 10,000 miners instead of tens of milliseconds).
 */
export function measuredWith(now: Date, orgId: string): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql`measured_pool as materialized (
      select distinct on (l.miner_id) l.miner_id, w.status::text as status, w.recorded_at, w.last_share_at, w.hs1h
      from pool_workers w
      join pool_worker_links l on l.account_id = w.account_id and l.worker_name = w.worker_name and l.miner_id is not null
      where w.account_id = any(array(select a.id from pool_accounts a where a.org_id = ${orgId}::uuid))
        and w.recorded_at >= ${at} - ${interval(POOL_FRESH_MS)} and w.recorded_at <= ${at}
      order by l.miner_id, w.recorded_at desc
  ), measured_rules as materialized (
      select r.threshold, r.site_id, r.model_id, r.customer_id from edge_alert_rules r
      where r.org_id = ${orgId}::uuid and r.enabled = 1 and r.kind = 'TEMP_HIGH'
  )`;
}

export function measuredJoins(now: Date, orgId: string): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  const liveThs = sql`coalesce(lv.hashrate_avg_ths, lv.hashrate5s_ths)`;
  const deflt = sql.raw(String(DEFAULT_OVERHEAT_CHIP_C));
  const lowest = sql`least(${deflt}, (select min(r.threshold) from measured_rules r))`;
  const overheat = sql`coalesce((select min(r.threshold) from measured_rules r
        where (r.site_id is null or r.site_id = "miners"."site_id") and (r.model_id is null or r.model_id = "miners"."model_id")
        and (r.customer_id is null or r.customer_id = "miners"."customer_id")), ${deflt})`;
  return sql`
    left join miner_telemetry_live lv on lv.miner_id = "miners"."id" and lv.org_id = ${orgId}::uuid
    left join measured_pool pw on pw.miner_id = "miners"."id"
    cross join lateral (
      select case
          when lv.collected_at >= ${at} - ${interval(TELEMETRY_FRESH_MS)} then 'telemetry'
          when pw.recorded_at is not null then 'pool'
          else 'none' end as source
      offset 0
    ) src
    cross join lateral (
      select src.source,
        case src.source
          when 'telemetry' then case
            when not lv.online then 'offline'
            when ${liveThs} = 0 then case when lv.power_w >= ${sql.raw(String(SLEEP_POWER_SHARE))} * "miner_models"."power_w" then 'offline' else 'sleeping' end
            when lv.temp_chip_max_c is null or lv.temp_chip_max_c <= ${lowest} then 'online'
            when lv.temp_chip_max_c > ${overheat} then 'overheating'
            else 'online' end
          when 'pool' then case when pw.status = 'online' then 'online' else 'offline' end
          else 'unknown' end as state,
        case src.source when 'telemetry' then lv.collected_at when 'pool' then pw.last_share_at else lv.collected_at end as last_seen_at
      offset 0
    ) st
    cross join lateral (
      select st.state in ('online', 'overheating') as hashing,
        (st.state in ('online', 'overheating') or (st.state = 'unknown' and "miners"."status" = 'active')) as assumed
      offset 0
    ) h
    cross join lateral (
      select
        case
          when st.source = 'telemetry' and not h.hashing then 0
          when st.source = 'telemetry' and ${liveThs} is not null then ${liveThs}
          when st.source = 'pool' then case when h.hashing then coalesce(pw.hs1h::float8 / 1e12, 0) else 0 end
          when h.assumed then "miner_models"."hashrate_ths"::float8 * "miners"."quantity"
          else 0 end::float8 as hashrate_ths,
        case
          when st.source = 'telemetry' and (not h.hashing or ${liveThs} is not null) then 'telemetry'
          when st.source = 'pool' then 'pool'
          else 'nameplate' end as hashrate_source,
        case
          when st.source = 'telemetry' and not lv.online then null
          when st.source = 'telemetry' and lv.power_w is not null then lv.power_w
          when h.assumed then "miner_models"."power_w"::float8 * "miners"."quantity"
          else 0 end::float8 as power_w,
        case when st.source = 'telemetry' and (not lv.online or lv.power_w is not null) then 'telemetry' else 'nameplate' end as power_source,
        case when st.source = 'telemetry' then lv.temp_chip_max_c end::float8 as temp_chip_max_c
    ) ms`;
}

/** Every measured column, named as MeasuredColumns. */
export const measuredSelect = sql`st.state, st.source as state_source, st.last_seen_at, ms.hashrate_ths, ms.hashrate_source, ms.power_w, ms.power_source, ms.temp_chip_max_c`;

export type MeasuredColumns = {
  state: string;
  state_source: string;
  last_seen_at: string | Date | null;
  hashrate_ths: number | string;
  hashrate_source: string;
  power_w: number | string | null;
  power_source: string;
  temp_chip_max_c: number | string | null;
};

export type MinerMeasure = {
  minerId: string;
  state: OperationalState;
  stateSource: StateSource;
  lastSeenAt: Date | null;
  hashrateThs: number;
  hashrateSource: FigureSource;
  powerW: number | null;
  powerSource: FigureSource;
  tempChipMaxC: number | null;
};

export const toMeasure = (r: MeasuredColumns & { id: string }): MinerMeasure => ({
  minerId: r.id,
  state: r.state as OperationalState,
  stateSource: r.state_source as StateSource,
  lastSeenAt: r.last_seen_at === null ? null : new Date(r.last_seen_at),
  hashrateThs: Number(r.hashrate_ths),
  hashrateSource: r.hashrate_source as FigureSource,
  powerW: r.power_w === null ? null : Number(r.power_w),
  powerSource: r.power_source as FigureSource,
  tempChipMaxC: r.temp_chip_max_c === null ? null : Number(r.temp_chip_max_c),
});

/** The measured state and figures of the miners in scope (all, or those in `ids`), as of `now`. */
export async function minerMeasures(db: Db, scope: Scope, now: Date, ids?: string[]): Promise<MinerMeasure[]> {
  if (ids && !ids.length) return [];
  const rows = await queryRows<MeasuredColumns & { id: string }>(
    db,
    sql`with ${measuredWith(now, scope.orgId)}
      select "miners"."id" as id, ${measuredSelect}
      from ${miners} join ${minerModels} on ${minerModels.id} = ${miners.modelId}
      ${measuredJoins(now, scope.orgId)}
      where ${minerScope(scope)} ${ids ? sql`and ${miners.id} in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``}
      order by "miners"."id"`,
  );
  return rows.map(toMeasure);
}
