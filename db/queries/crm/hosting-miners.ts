import { sql } from 'drizzle-orm';
import type { Principal } from '@/lib/core/principal';
import { type Db, queryRows } from '../../client';
import { customers, minerModels, miners, sites } from '../../schema';
import { minerScope } from '../scope';
import { measuredJoins, measuredWith } from '../telemetry/operational-state';
import { crmHostingCustomerWhere } from './scope';

export const ADMIN_STATUSES = ['active', 'offline', 'maintenance', 'sold'] as const;
export type AdminStatus = (typeof ADMIN_STATUSES)[number];

export type CustomerMinerRow = {
  id: string;
  name: string;
  model: string;
  quantity: number;
  /** Measured (telemetry, else pool, else nameplate), for the whole line. */
  hashrateThs: number;
  powerW: number;
  status: AdminStatus;
  location: string;
  /** What the customer pays per kWh at the miner's site; null when the site has no client price. */
  clientUsdPerKwh: number | null;
};

/**
 * One page of a customer's miners (every administrative state, or one) with measured figures, and
 * whether the customer is in scope at all (null: a 404), in one statement. Ordered by site and name,
 * as the hosting list is; `total` counts the whole filtered list.
 */
export async function customerMiners(
  db: Db,
  who: Principal,
  customerId: string,
  filter: { status?: AdminStatus },
  page: { limit: number; offset: number },
  now = new Date(),
): Promise<{ rows: CustomerMinerRow[]; total: number } | null> {
  const { scope } = who;
  const [row] = await queryRows<{ customer_id: string | null; total: number; rows: Record<string, unknown>[] | string }>(
    db,
    sql`with ${measuredWith(now, scope.orgId)},
      target as materialized (select ${customers.id} as id from ${customers} where ${customers.id} = ${customerId}::uuid and ${crmHostingCustomerWhere(who)}),
      listed as (
        select ${miners.id} as id, ${miners.name} as name, ${minerModels.name} as model, ${miners.quantity} as quantity,
          ms.hashrate_ths, coalesce(ms.power_w, 0) as power_w, ${miners.status}::text as status, ${sites.name} as location,
          ${sites.clientUsdPerKwh}::float8 as client_usd_per_kwh, count(*) over () as total
        from ${miners}
        inner join ${minerModels} on ${minerModels.id} = ${miners.modelId}
        inner join ${sites} on ${sites.id} = ${miners.siteId}
        ${measuredJoins(now, scope.orgId)}
        where ${miners.customerId} = (select id from target) and ${minerScope(scope)}
          ${filter.status ? sql`and ${miners.status} = ${filter.status}` : sql``}
        order by ${sites.name}, ${miners.name}, ${miners.id}
        limit ${page.limit} offset ${page.offset}
      )
      select (select id from target) as customer_id, coalesce((select max(total) from listed), 0)::int as total,
        (select coalesce(json_agg(l order by l.location, l.name, l.id), '[]'::json) from listed l) as rows`,
  );
  if (!row?.customer_id) return null;
  const rows = (typeof row.rows === 'string' ? JSON.parse(row.rows) : row.rows) as Record<string, unknown>[];
  return {
    total: Number(row.total),
    rows: rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      model: String(r.model),
      quantity: Number(r.quantity),
      hashrateThs: Number(r.hashrate_ths),
      powerW: Number(r.power_w),
      status: r.status as AdminStatus,
      location: String(r.location),
      clientUsdPerKwh: r.client_usd_per_kwh === null ? null : Number(r.client_usd_per_kwh),
    })),
  };
}
