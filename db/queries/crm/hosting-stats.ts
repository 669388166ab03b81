import { sql } from 'drizzle-orm';
import type { Principal } from '@/lib/core/principal';
import type { HostingSums } from '@/lib/domain/crm/hosting-stats';
import { type Db, queryRows } from '../../client';
import { customers, minerModels, miners, sites } from '../../schema';
import { fleetColumns, toFleetFigures } from '../hosting/fleet-columns';
import { inServiceSql } from '../hosting/in-service';
import { minerScope } from '../scope';
import { measuredJoins, measuredWith } from '../telemetry/operational-state';
import { linkedAccountSql } from './hosting-link';
import { crmHostingCustomerWhere } from './scope';

export type CustomerHostingFigures = {
  userAccessId: string | null;
  all: HostingSums;
  byModel: (HostingSums & { model: string })[];
  byAdminStatus: Partial<Record<'active' | 'offline' | 'maintenance', number>>;
  soldUnits: number;
};

/**
 * One customer's hosting figures in ONE statement: the customer (in scope, else null: a 404), its
 * linked account, and over its miners in service the fleet columns every page sums (measured states,
 * hashrate and power), with GROUPING SETS for the whole, each model and each administrative status;
 * the customer's electricity is the measured power at each site's client price. Sold units are
 * counted apart, as the seed's by_status lists them.
 */
export async function customerHostingFigures(db: Db, who: Principal, customerId: string, now = new Date()): Promise<CustomerHostingFigures | null> {
  const { scope } = who;
  const [row] = await queryRows<{ customer_id: string | null; user_id: string | null; sold: number; fleet: Record<string, unknown>[] | string }>(
    db,
    sql`with ${measuredWith(now, scope.orgId)},
      target as materialized (
        select ${customers.id} as id, ${linkedAccountSql} as user_id from ${customers}
        where ${customers.id} = ${customerId}::uuid and ${crmHostingCustomerWhere(who)}
      ),
      fleet as (
        select case when grouping(${minerModels.name}) = 0 then 'model' when grouping(${miners.status}) = 0 then 'status' else 'all' end as dim,
          coalesce(${minerModels.name}, ${miners.status}::text) as key,
          ${fleetColumns},
          coalesce(sum(ms.power_w * ${sites.clientUsdPerKwh}), 0)::float8 * 24 / 1000 as cost_usd_per_day,
          count(*) filter (where coalesce(ms.power_w, 0) > 0 and ${sites.clientUsdPerKwh} is null)::int as unpriced
        from ${miners}
        inner join ${minerModels} on ${minerModels.id} = ${miners.modelId}
        inner join ${sites} on ${sites.id} = ${miners.siteId}
        ${measuredJoins(now, scope.orgId)}
        where ${miners.customerId} = (select id from target) and ${minerScope(scope)} and ${inServiceSql}
        group by grouping sets ((), (${minerModels.name}), (${miners.status}))
      )
      select (select id from target) as customer_id, (select user_id from target) as user_id,
        (select coalesce(sum(${miners.quantity}), 0)::int from ${miners}
          where ${miners.customerId} = (select id from target) and ${minerScope(scope)} and not ${inServiceSql}) as sold,
        (select coalesce(json_agg(f order by f.dim, f.key), '[]'::json) from fleet f) as fleet`,
  );
  if (!row?.customer_id) return null;
  const groups = (typeof row.fleet === 'string' ? JSON.parse(row.fleet) : row.fleet) as Record<string, unknown>[];
  const sums = (r: Record<string, unknown>): HostingSums => {
    const f = toFleetFigures(r);
    return { units: f.total, active: f.active, offline: f.offline, maintenance: f.maintenance, activeThs: f.activeThs, activeKw: f.activeKw, costUsdPerDay: Number(r.unpriced) > 0 ? null : Number(r.cost_usd_per_day) };
  };
  const all = groups.find((g) => g.dim === 'all');
  return {
    userAccessId: row.user_id,
    all: all ? sums(all) : { units: 0, active: 0, offline: 0, maintenance: 0, activeThs: 0, activeKw: 0, costUsdPerDay: 0 },
    byModel: groups.filter((g) => g.dim === 'model').map((g) => ({ ...sums(g), model: String(g.key) })),
    byAdminStatus: Object.fromEntries(groups.filter((g) => g.dim === 'status').map((g) => [String(g.key), Number(g.total)])),
    soldUnits: Number(row.sold),
  };
}
