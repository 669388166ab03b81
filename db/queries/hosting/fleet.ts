import { eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../client';
import { customers, minerModels, miners, sites } from '../../schema';
import { minerScope } from '../scope';
import type { Scope } from '@/lib/core/scope';
import { measuredJoins, measuredWith } from '../telemetry/operational-state';
import { fleetColumns, type FleetFigures, toFleetFigures } from './fleet-columns';
import { inServiceSql } from './in-service';

export type FleetSummary = FleetFigures & { sites: number; customers: number };

/**
 * Fleet totals for the dashboard in one aggregate query: the same measured states and figures as
 * the KPI page (fleetColumns), over the miners in service, plus how many sites and customers they span.
 */
export async function fleetSummary(db: Db, scope: Scope, now = new Date()): Promise<FleetSummary> {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`with ${measuredWith(now, scope.orgId)}
      select ${fleetColumns}, count(distinct ${miners.siteId})::int as sites, count(distinct ${miners.customerId})::int as customers
      from ${miners}
      inner join ${minerModels} on ${minerModels.id} = ${miners.modelId}
      ${measuredJoins(now, scope.orgId)}
      where ${minerScope(scope)} and ${inServiceSql}`,
  );
  return { ...toFleetFigures(row ?? {}), sites: Number(row?.sites ?? 0), customers: Number(row?.customers ?? 0) };
}

/** Miner counts (units in service) by model for the dashboard chart. */
export async function fleetByModel(db: Db, scope: Scope) {
  return db
    .select({ model: minerModels.name, count: sql<number>`sum(${miners.quantity})::int` })
    .from(miners)
    .innerJoin(minerModels, eq(minerModels.id, miners.modelId))
    .where(sql`${minerScope(scope)} and ${inServiceSql}`)
    .groupBy(minerModels.name)
    .orderBy(sql`2 desc`);
}

export type KpiRow = FleetFigures & {
  dim: 'all' | 'site' | 'model' | 'customer';
  key: string | null;
  label: string | null;
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
        ${fleetColumns},
        ${cost} as cost_usd_per_day
      from ${miners}
      inner join ${sites} on ${sites.id} = ${miners.siteId}
      inner join ${minerModels} on ${minerModels.id} = ${miners.modelId}
      left join ${customers} on ${customers.id} = ${miners.customerId}
      ${measuredJoins(now, scope.orgId)}
      where ${minerScope(scope)} and ${inServiceSql}
      group by grouping sets ((${sites.id}), (${minerModels.id}), (${customers.id}), ())
      order by 1, active_ths desc`,
  );
  return rows.map((r) => ({
    ...toFleetFigures(r),
    dim: r.dim as KpiRow['dim'],
    key: (r.key as string | null) ?? null,
    label: (r.label as string | null) ?? null,
    costUsdPerDay: r.cost_usd_per_day === null ? null : Number(r.cost_usd_per_day),
  }));
}
