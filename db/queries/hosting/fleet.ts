import { eq, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../client';
import { customers, minerModels, miners, sites } from '../../schema';
import { minerScope } from '../scope';
import type { Scope } from '@/lib/core/scope';
import type { FigureSource } from '@/lib/domain/telemetry/measured';
import { measuredJoins, measuredWith } from '../telemetry/operational-state';

/**
 * Fleet totals for the dashboard in one aggregate query. Nominal figures come from the model
 * catalogue (live telemetry arrives with the edge collector); sold machines are not counted.
 */
export async function fleetSummary(db: Db, scope: Scope) {
  const [row] = await db
    .select({
      total: sql<number>`coalesce(sum(${miners.quantity}) filter (where ${miners.status} <> 'sold'), 0)::int`,
      active: sql<number>`coalesce(sum(${miners.quantity}) filter (where ${miners.status} = 'active'), 0)::int`,
      offline: sql<number>`coalesce(sum(${miners.quantity}) filter (where ${miners.status} = 'offline'), 0)::int`,
      maintenance: sql<number>`coalesce(sum(${miners.quantity}) filter (where ${miners.status} = 'maintenance'), 0)::int`,
      nominalThs: sql<string>`coalesce(sum(${minerModels.hashrateThs} * ${miners.quantity}) filter (where ${miners.status} = 'active'), 0)::text`,
      nominalKw: sql<string>`coalesce(sum(${minerModels.powerW} * ${miners.quantity}) filter (where ${miners.status} = 'active'), 0)::numeric / 1000`,
      sites: sql<number>`count(distinct ${miners.siteId})::int`,
      customers: sql<number>`count(distinct ${miners.customerId})::int`,
    })
    .from(miners)
    .innerJoin(minerModels, eq(minerModels.id, miners.modelId))
    .where(minerScope(scope));
  return {
    total: row?.total ?? 0,
    active: row?.active ?? 0,
    offline: row?.offline ?? 0,
    maintenance: row?.maintenance ?? 0,
    nominalThs: Number(row?.nominalThs ?? 0),
    nominalKw: Number(row?.nominalKw ?? 0),
    sites: row?.sites ?? 0,
    customers: row?.customers ?? 0,
  };
}

/** Miner counts by model for the dashboard chart. */
export async function fleetByModel(db: Db, scope: Scope) {
  return db
    .select({ model: minerModels.name, count: sql<number>`sum(${miners.quantity})::int` })
    .from(miners)
    .innerJoin(minerModels, eq(minerModels.id, miners.modelId))
    .where(sql`${minerScope(scope)} and ${miners.status} <> 'sold'`)
    .groupBy(minerModels.name)
    .orderBy(sql`2 desc`);
}

export type KpiRow = {
  dim: 'all' | 'site' | 'model' | 'customer';
  key: string | null;
  label: string | null;
  /** Units in service (sold machines are not counted, on every page). */
  total: number;
  /** Units measured hashing (online or overheating), offline, asleep, or with no current data. */
  active: number;
  offline: number;
  sleeping: number;
  unknown: number;
  /** Units people set to maintenance. */
  maintenance: number;
  nominalThs: number;
  /** Measured first (db/queries/telemetry/operational-state.ts): telemetry, else pool, else nameplate. */
  activeThs: number;
  /** The part of activeThs from each source, so the page can say where the figure came from. */
  thsBySource: Record<FigureSource, number>;
  activeKw: number;
  /** The host's electricity cost of the measured power; null when the viewer may not see the host's costs. */
  costUsdPerDay: number | null;
};

/**
 * The hosting KPI dashboard in one statement: GROUPING SETS give the fleet total and the breakdowns
 * by site, model and customer together. States and figures are measured (telemetry, else the pool
 * worker, else the nameplate for a miner set active), as on the miner list; electricity cost per day
 * is the measured power at each miner's override or its site's price. Sold machines are left out.
 * Without `hostCosts` the cost is not computed at all, so it cannot reach a customer's page.
 */
export async function hostingKpis(db: Db, scope: Scope, view: { hostCosts: boolean }, now = new Date()): Promise<KpiRow[]> {
  const units = (cond: SQL) => sql`coalesce(sum(${miners.quantity}) filter (where ${cond}), 0)::int`;
  const ths = (source: FigureSource) => sql`coalesce(sum(ms.hashrate_ths) filter (where ms.hashrate_source = ${source}), 0)::float8`;
  const cost = view.hostCosts
    ? sql`coalesce(sum(coalesce(ms.power_w, 0) * coalesce(${miners.electricityUsdPerKwhOverride}, ${sites.electricityUsdPerKwh})), 0)::float8 * 24 / 1000`
    : sql`null::float8`;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with ${measuredWith(now, scope.orgId)}
      select
        case when grouping(${sites.id}) = 0 then 'site' when grouping(${minerModels.id}) = 0 then 'model' when grouping(${customers.id}) = 0 then 'customer' else 'all' end as dim,
        coalesce(${sites.id}::text, ${minerModels.id}::text, ${customers.id}::text) as key,
        case when grouping(${sites.id}) = 0 then max(${sites.name}) when grouping(${minerModels.id}) = 0 then max(${minerModels.name}) else max(${customers.name}) end as label,
        coalesce(sum(${miners.quantity}), 0)::int as total,
        ${units(sql`st.state in ('online', 'overheating')`)} as active,
        ${units(sql`st.state = 'offline'`)} as offline,
        ${units(sql`st.state = 'sleeping'`)} as sleeping,
        ${units(sql`st.state = 'unknown'`)} as unknown,
        ${units(sql`${miners.status} = 'maintenance'`)} as maintenance,
        coalesce(sum(${minerModels.hashrateThs} * ${miners.quantity}), 0)::float8 as nominal_ths,
        coalesce(sum(ms.hashrate_ths), 0)::float8 as active_ths,
        ${ths('telemetry')} as ths_telemetry, ${ths('pool')} as ths_pool, ${ths('nameplate')} as ths_nameplate,
        coalesce(sum(ms.power_w), 0)::float8 / 1000 as active_kw,
        ${cost} as cost_usd_per_day
      from ${miners}
      inner join ${sites} on ${sites.id} = ${miners.siteId}
      inner join ${minerModels} on ${minerModels.id} = ${miners.modelId}
      left join ${customers} on ${customers.id} = ${miners.customerId}
      ${measuredJoins(now, scope.orgId)}
      where ${minerScope(scope)} and ${miners.status} <> 'sold'
      group by grouping sets ((${sites.id}), (${minerModels.id}), (${customers.id}), ())
      order by 1, active_ths desc`,
  );
  return rows.map((r) => ({
    dim: r.dim as KpiRow['dim'],
    key: (r.key as string | null) ?? null,
    label: (r.label as string | null) ?? null,
    total: Number(r.total),
    active: Number(r.active),
    offline: Number(r.offline),
    sleeping: Number(r.sleeping),
    unknown: Number(r.unknown),
    maintenance: Number(r.maintenance),
    nominalThs: Number(r.nominal_ths),
    activeThs: Number(r.active_ths),
    thsBySource: { telemetry: Number(r.ths_telemetry), pool: Number(r.ths_pool), nameplate: Number(r.ths_nameplate) },
    activeKw: Number(r.active_kw),
    costUsdPerDay: r.cost_usd_per_day === null ? null : Number(r.cost_usd_per_day),
  }));
}
