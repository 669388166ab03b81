import { sql } from 'drizzle-orm';
import type { SlaDay } from '@/lib/domain/billing/sla';
import { type Db, queryRows } from '../../client';
import type { ContractRow } from './contracts';

/** The covered miners of a contract: its miners, or all of the customer's at its sites; sold ones no longer. */
export function coveredMiners(c: Pick<ContractRow, 'customerId' | 'siteIds' | 'minerIds'>) {
  const ids = c.minerIds.length ? sql`and m.id in (${sql.join(c.minerIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
  return sql`select m.id, m.quantity from miners m
    where m.customer_id = ${c.customerId} and m.status <> 'sold'
      and m.site_id in (${sql.join(c.siteIds.map((id) => sql`${id}::uuid`), sql`, `)}) ${ids}`;
}

/**
 * Per UTC day of the month, the covered units, the units that have a telemetry_daily row and their
 * uptime hours (a row's hours × its quantity): the SLA's evidence, one statement.
 */
export async function slaDays(db: Db, c: ContractRow, month: string): Promise<SlaDay[]> {
  if (!c.siteIds.length) return [];
  const rows = await queryRows<{ day: string; units: number; reported_units: number; uptime_hours: number }>(
    db,
    sql`with covered as (${coveredMiners(c)})
      select d.day::date::text as day,
        (select coalesce(sum(quantity), 0) from covered)::int as units,
        coalesce(sum(m.quantity) filter (where t.miner_id is not null), 0)::int as reported_units,
        coalesce(sum(t.uptime_hours * m.quantity), 0)::float8 as uptime_hours
      from generate_series(${`${month}-01`}::date, (${`${month}-01`}::date + interval '1 month' - interval '1 day'), interval '1 day') d(day)
      cross join covered m
      left join telemetry_daily t on t.miner_id = m.id and t.day = d.day::date
      group by d.day order by d.day`,
  );
  return rows.map((r) => ({ day: r.day, units: Number(r.units), reportedUnits: Number(r.reported_units), uptimeHours: Number(r.uptime_hours) }));
}

/** Covered units (rack lines count their quantity), for per-miner pricing. */
export async function coveredUnits(db: Db, c: ContractRow): Promise<number> {
  if (!c.siteIds.length) return 0;
  const [row] = await queryRows<{ units: number }>(db, sql`select coalesce(sum(quantity), 0)::int as units from (${coveredMiners(c)}) covered`);
  return Number(row?.units ?? 0);
}
