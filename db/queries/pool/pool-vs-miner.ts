import { sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { luckPct } from '@/lib/domain/pool/luck';
import { type Db, queryRows } from '../../client';
import { customers, minerModels, miners, sites } from '../../schema';
import { inServiceSql } from '../hosting/in-service';
import { minerScope } from '../scope';
import { measuredJoins, measuredWith } from '../telemetry/operational-state';

export type PoolVsMinerRow = {
  dim: 'all' | 'site' | 'customer';
  /** Site or customer id; null for the fleet, and for the customer group of self-mining machines. */
  key: string | null;
  label: string | null;
  /** Units compared: in service, linked to a worker with a current pool hour. */
  units: number;
  expectedThs: number;
  expectedBySource: { telemetry: number; nameplate: number };
  creditedThs: number;
  /** credited / expected − 1, in percent; null when nothing is expected. */
  luckPct: number | null;
  /** The oldest pool hour compared (the figure's age). */
  poolAt: Date | null;
};

/**
 * Expected against credited hashrate (lib/domain/pool/luck.ts, where the formula is) for the fleet,
 * each site and each customer in one statement (GROUPING SETS). `measured_pool` already holds each
 * linked miner's newest current worker hour, so an inner join on it is exactly "compared"; the
 * expected figure reads telemetry through the same measured columns as every other page (st, ms).
 * Scoped like every hosting query: a CLIENT compares its own machines only.
 */
export async function poolVsMiner(db: Db, scope: Scope, now = new Date()): Promise<PoolVsMinerRow[]> {
  const expected = sql`case when st.source = 'telemetry' then ms.hashrate_ths
      when ${miners.status} = 'active' then ${minerModels.hashrateThs}::float8 * ${miners.quantity} else 0 end`;
  const fromTelemetry = sql`st.source = 'telemetry' and ms.hashrate_source = 'telemetry'`;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with ${measuredWith(now, scope.orgId)}
      select
        case when grouping(${sites.id}) = 0 then 'site' when grouping(${customers.id}) = 0 then 'customer' else 'all' end as dim,
        coalesce(${sites.id}::text, ${customers.id}::text) as key,
        case when grouping(${sites.id}) = 0 then max(${sites.name}) else max(${customers.name}) end as label,
        coalesce(sum(${miners.quantity}), 0)::int as units,
        coalesce(sum(${expected}), 0)::float8 as expected_ths,
        coalesce(sum(${expected}) filter (where ${fromTelemetry}), 0)::float8 as expected_telemetry,
        coalesce(sum(pw.hs1h), 0)::float8 / 1e12 as credited_ths,
        min(pw.recorded_at) as pool_at
      from ${miners}
      inner join ${sites} on ${sites.id} = ${miners.siteId}
      inner join ${minerModels} on ${minerModels.id} = ${miners.modelId}
      left join ${customers} on ${customers.id} = ${miners.customerId}
      ${measuredJoins(now, scope.orgId)}
      where ${minerScope(scope)} and ${inServiceSql} and pw.miner_id is not null
      group by grouping sets ((${sites.id}), (${customers.id}), ())
      order by 1, expected_ths desc`,
  );
  // The empty grouping set gives the fleet line even when nothing is compared.
  return rows.map((r): PoolVsMinerRow => {
    const expectedThs = Number(r.expected_ths);
    const telemetry = Number(r.expected_telemetry);
    const creditedThs = Number(r.credited_ths);
    return {
      dim: r.dim as PoolVsMinerRow['dim'],
      key: (r.key as string | null) ?? null,
      label: (r.label as string | null) ?? null,
      units: Number(r.units),
      expectedThs,
      expectedBySource: { telemetry, nameplate: expectedThs - telemetry },
      creditedThs,
      luckPct: luckPct(creditedThs, expectedThs),
      poolAt: r.pool_at === null ? null : new Date(r.pool_at as string),
    };
  });
}
