import { eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../client';
import { customers, minerModels, miners, sites } from '../../schema';
import { minerScope } from '../scope';
import type { Scope } from '@/lib/core/scope';

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
  total: number;
  active: number;
  offline: number;
  maintenance: number;
  nominalThs: number;
  activeThs: number;
  activeKw: number;
  /** The host's electricity cost; null when the viewer may not see the host's costs. */
  costUsdPerDay: number | null;
};

/**
 * The hosting KPI dashboard in one statement: GROUPING SETS give the fleet total and the breakdowns
 * by site, model and customer together. Nominal figures (model catalogue × quantity); electricity
 * cost per day uses each miner's override or its site's price. Sold machines are left out.
 * Without `hostCosts` the cost is not computed at all, so it cannot reach a customer's page.
 */
export async function hostingKpis(db: Db, scope: Scope, view: { hostCosts: boolean }): Promise<KpiRow[]> {
  const cost = view.hostCosts
    ? sql`coalesce(sum(${minerModels.powerW} * ${miners.quantity} * coalesce(${miners.electricityUsdPerKwhOverride}, ${sites.electricityUsdPerKwh})) filter (where ${miners.status} = 'active'), 0)::float8 * 24 / 1000`
    : sql`null::float8`;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select
        case when grouping(${sites.id}) = 0 then 'site' when grouping(${minerModels.id}) = 0 then 'model' when grouping(${customers.id}) = 0 then 'customer' else 'all' end as dim,
        coalesce(${sites.id}::text, ${minerModels.id}::text, ${customers.id}::text) as key,
        case when grouping(${sites.id}) = 0 then max(${sites.name}) when grouping(${minerModels.id}) = 0 then max(${minerModels.name}) else max(${customers.name}) end as label,
        coalesce(sum(${miners.quantity}), 0)::int as total,
        coalesce(sum(${miners.quantity}) filter (where ${miners.status} = 'active'), 0)::int as active,
        coalesce(sum(${miners.quantity}) filter (where ${miners.status} = 'offline'), 0)::int as offline,
        coalesce(sum(${miners.quantity}) filter (where ${miners.status} = 'maintenance'), 0)::int as maintenance,
        coalesce(sum(${minerModels.hashrateThs} * ${miners.quantity}), 0)::float8 as nominal_ths,
        coalesce(sum(${minerModels.hashrateThs} * ${miners.quantity}) filter (where ${miners.status} = 'active'), 0)::float8 as active_ths,
        coalesce(sum(${minerModels.powerW} * ${miners.quantity}) filter (where ${miners.status} = 'active'), 0)::float8 / 1000 as active_kw,
        ${cost} as cost_usd_per_day
      from ${miners}
      inner join ${sites} on ${sites.id} = ${miners.siteId}
      inner join ${minerModels} on ${minerModels.id} = ${miners.modelId}
      left join ${customers} on ${customers.id} = ${miners.customerId}
      where ${minerScope(scope)} and ${miners.status} <> 'sold'
      group by grouping sets ((${sites.id}), (${minerModels.id}), (${customers.id}), ())
      order by 1, 9 desc`,
  );
  return rows.map((r) => ({
    dim: r.dim as KpiRow['dim'],
    key: (r.key as string | null) ?? null,
    label: (r.label as string | null) ?? null,
    total: Number(r.total),
    active: Number(r.active),
    offline: Number(r.offline),
    maintenance: Number(r.maintenance),
    nominalThs: Number(r.nominal_ths),
    activeThs: Number(r.active_ths),
    activeKw: Number(r.active_kw),
    costUsdPerDay: r.cost_usd_per_day === null ? null : Number(r.cost_usd_per_day),
  }));
}
