import { sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { type Db, queryRows } from '../../client';
import { ticketScope } from '../hosting/ticket-scope';
import { monthlyFigures, type ReportBy } from '../power/reports';
import { seesHostCosts } from '../power/read';
import { scopeWhere } from '../scope';

/*
 * The monthly operations report's figures (issue 19 part 1), per site or per customer, in the
 * viewer's scope. Each column comes from the store the app's own pages read, so the report and the
 * pages agree by construction:
 * - hashrate: mean over the month's UTC days with readings of the fleet's daily mean (telemetry_daily),
 *   i.e. Σ miner-day hashrate_avg_ths ÷ distinct days with a reading;
 * - uptime: Σ uptime_hours ÷ (miner-days with a reading × 24) — a miner-day without a reading is
 *   missing, not down, and a key with none has no uptime (null), never 0 %;
 * - energy and cost: monthlyFigures (the power pages' monthly aggregates, site-local month; cost is
 *   the host's and null for a client);
 * - revenue: pool credits (sats) of the linked workers' daily summaries (the pool pages' figures);
 * - tickets opened in the month; curtailment events started in it and their avoided energy (staff).
 * A client's rows are its own miners' only.
 */

export type OperationsRow = {
  key: string;
  name: string;
  miners: number;
  hashrateThs: number | null;
  uptimePct: number | null;
  energyWh: number | null;
  costCents: number | null;
  revenueSats: number | null;
  tickets: number;
  curtailEvents: number | null;
  curtailAvoidedWh: number | null;
};

export type OperationsDay = { day: string; hashrateThs: number; energyWh: number };
export type OperationsMiner = { name: string; site: string; customer: string | null; hashrateThs: number | null; uptimePct: number | null; energyWh: number };

const bounds = (month: string) => ({ from: sql`${`${month}-01`}::date`, to: sql`(${`${month}-01`}::date + interval '1 month')::date` });
const keyCol = (by: ReportBy, alias: string) => sql.raw(`${alias}.${by === 'site' ? 'site_id' : 'customer_id'}`);

/** Rows per site or customer for a month (YYYY-MM), named and sorted by name. */
export async function operationsByKey(db: Db, scope: Scope, o: { by: ReportBy; month: string }): Promise<OperationsRow[]> {
  const { from, to } = bounds(o.month);
  const k = keyCol(o.by, 'm');
  const mScope = scopeWhere({ orgId: sql`m.org_id`, siteId: sql`m.site_id`, customerId: sql`m.customer_id` }, scope);
  const staff = seesHostCosts(scope);
  const [fleet, telemetry, pool, tickets, curtail, power] = await Promise.all([
    queryRows<{ key: string; name: string; units: number }>(
      db,
      sql`select ${k} as key, ${o.by === 'site' ? sql`(select name from sites where id = ${k})` : sql`(select name from customers where id = ${k})`} as name, sum(m.quantity)::int as units
        from miners m where ${mScope} and ${k} is not null and m.status <> 'sold' group by ${k}`,
    ),
    queryRows<{ key: string; ths: number; up_h: number; miner_days: number; days: number }>(
      db,
      sql`select ${k} as key, sum(d.hashrate_avg_ths)::float8 as ths, sum(d.uptime_hours)::float8 as up_h, count(*)::int as miner_days, count(distinct d.day)::int as days
        from telemetry_daily d join miners m on m.id = d.miner_id
        where d.org_id = ${scope.orgId} and d.day >= ${from} and d.day < ${to} and ${mScope} and ${k} is not null group by ${k}`,
    ),
    queryRows<{ key: string; sats: number }>(
      db,
      sql`select ${k} as key, sum(s.earned_sats)::float8 as sats
        from pool_daily_worker_summaries s
        join pool_accounts a on a.id = s.account_id and a.org_id = ${scope.orgId}
        join pool_worker_links l on l.account_id = s.account_id and l.worker_name = s.worker_name
        join miners m on m.id = l.miner_id
        where s.day >= ${from} and s.day < ${to} and ${mScope} and ${k} is not null group by ${k}`,
    ),
    queryRows<{ key: string; n: number }>(
      db,
      sql`select ${sql.raw(o.by === 'site' ? 'site_id' : 'customer_id')} as key, count(*)::int as n from tickets
        where ${ticketScope(scope)} and created_at >= ${from} and created_at < ${to} group by 1`,
    ),
    staff && o.by === 'site'
      ? queryRows<{ key: string; n: number; wh: number }>(
          db,
          sql`select site_id as key, count(*)::int as n, coalesce(sum(energy_avoided_wh), 0)::float8 as wh from curtailment_events
            where ${scopeWhere({ orgId: sql`org_id`, siteId: sql`site_id` }, scope)} and created_at >= ${from} and created_at < ${to} group by 1`,
        )
      : Promise.resolve(null),
    monthlyFigures(db, scope, { by: o.by, fromMonth: o.month, toMonth: o.month }),
  ]);
  const byKey = <T extends { key: string }>(rows: T[]) => new Map(rows.map((r) => [r.key, r]));
  const t = byKey(telemetry);
  const p = byKey(pool);
  const tk = byKey(tickets);
  const c = curtail ? byKey(curtail) : null;
  const pw = byKey(power);
  const units = new Map(fleet.map((f) => [f.key, f.units]));
  const names = new Map(fleet.map((f) => [f.key, f.name]));
  for (const r of power) if (!names.has(r.key)) names.set(r.key, r.name);
  return [...names.entries()]
    .map(([key, name]): OperationsRow => {
      const tel = t.get(key);
      return {
        key,
        name,
        miners: units.get(key) ?? 0,
        hashrateThs: tel && tel.days ? tel.ths / tel.days : null,
        uptimePct: tel && tel.miner_days ? (tel.up_h / (tel.miner_days * 24)) * 100 : null,
        energyWh: pw.get(key)?.energyWh ?? null,
        costCents: pw.get(key)?.costCents ?? null,
        revenueSats: p.get(key)?.sats ?? null,
        tickets: tk.get(key)?.n ?? 0,
        curtailEvents: c ? (c.get(key)?.n ?? 0) : null,
        curtailAvoidedWh: c ? (c.get(key)?.wh ?? 0) : null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
}

/** The fleet's hashrate (Σ daily means) and metered energy per UTC day of the month, for the chart. */
export async function operationsDays(db: Db, scope: Scope, month: string): Promise<OperationsDay[]> {
  const { from, to } = bounds(month);
  const mScope = scopeWhere({ orgId: sql`m.org_id`, siteId: sql`m.site_id`, customerId: sql`m.customer_id` }, scope);
  const rows = await queryRows<{ day: string; ths: number; wh: number }>(
    db,
    sql`select to_char(d.day, 'YYYY-MM-DD') as day, coalesce(sum(d.hashrate_avg_ths), 0)::float8 as ths, sum(d.energy_wh)::float8 as wh
      from telemetry_daily d join miners m on m.id = d.miner_id
      where d.org_id = ${scope.orgId} and d.day >= ${from} and d.day < ${to} and ${mScope} group by d.day order by d.day`,
  );
  return rows.map((r) => ({ day: r.day, hashrateThs: r.ths, energyWh: r.wh }));
}

/** Each miner's month: for the spreadsheet's detail sheet (one row per miner with readings), by site and name. */
export async function operationsMiners(db: Db, scope: Scope, month: string): Promise<OperationsMiner[]> {
  const { from, to } = bounds(month);
  const mScope = scopeWhere({ orgId: sql`m.org_id`, siteId: sql`m.site_id`, customerId: sql`m.customer_id` }, scope);
  const rows = await queryRows<{ name: string; site: string; customer: string | null; ths: number | null; up: number; n: number; wh: number }>(
    db,
    sql`select m.name, s.name as site, c.name as customer, avg(d.hashrate_avg_ths)::float8 as ths, sum(d.uptime_hours)::float8 as up, count(*)::int as n, sum(d.energy_wh)::float8 as wh
      from telemetry_daily d join miners m on m.id = d.miner_id join sites s on s.id = m.site_id left join customers c on c.id = m.customer_id
      where d.org_id = ${scope.orgId} and d.day >= ${from} and d.day < ${to} and ${mScope}
      group by m.id, m.name, s.name, c.name order by s.name, m.name`,
  );
  return rows.map((r) => ({ name: r.name, site: r.site, customer: r.customer, hashrateThs: r.ths, uptimePct: r.n ? (r.up / (r.n * 24)) * 100 : null, energyWh: r.wh }));
}
