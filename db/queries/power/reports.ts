import { type SQL, sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { CO2_KG_PER_KWH, type EnergySource } from '@/lib/domain/power/carbon';
import { type Db, queryRows } from '../../client';
import { scopeWhere } from '../scope';
import { seesHostCosts } from './read';

/*
 * Month figures per site or per customer for comparisons, contracts and carbon (issue 15 part 8),
 * from the stored monthly aggregates, in the viewer's scope. Staff read a site's own rows (its meter
 * or miners, cost included); by customer, or for a client, the per-customer rows summed — a
 * client's figures never carry a cost (the site's energy price is the host's). A customer's peak
 * over several sites is the sum of its per-site peaks (an upper bound of their coincident peak).
 */

export type ReportBy = 'site' | 'customer';
export type ReportFilter = { by: ReportBy; fromMonth: string; toMonth: string; siteId?: string; customerId?: string };
export type MonthFigureRow = { key: string; name: string; month: string; energyWh: number; costCents: number | null; peakW: number; avgW: number; contractedKw: number | null };

const first = (month: string) => `${month}-01`;

/**
 * A month's rows: the monthly aggregate where the monthly job wrote it, else the month so far rolled
 * up from the daily rows (the current month until its 1st; the same sums the monthly job makes).
 */
function monthRows(level: '' | 'customer_', keys: string, range: (col: string) => SQL, where: SQL): SQL {
  const m = sql.raw(`power_${level}monthly`);
  const d = sql.raw(`power_${level}daily`);
  const k = sql.raw(keys);
  const same = sql.raw(keys.split(', ').map((c) => `m.${c} = d.${c}`).join(' and '));
  return sql`select ${k}, month, energy_wh, cost_mc, peak_w, avg_w from ${m} where ${where} and ${range('month')}
    union all
    select ${k}, date_trunc('month', day)::date, sum(energy_wh), sum(cost_mc), max(peak_w), round(sum(avg_w * buckets)::numeric / nullif(sum(buckets), 0))::bigint
    from ${d} d where ${where} and ${range('day')}
      and not exists (select 1 from ${m} m where ${same} and m.month = date_trunc('month', d.day)::date)
    group by ${k}, date_trunc('month', day)::date`;
}

/** (key, site_id, month, energy_wh, cost_mc, peak_w, avg_w) rows for the filter: a site's own or its customers'. */
function sourceRows(scope: Scope, o: ReportFilter): SQL {
  const range = (col: string) => sql`${sql.raw(col)} >= ${first(o.fromMonth)}::date and ${sql.raw(col)} < (${first(o.toMonth)}::date + interval '1 month')`;
  const bySite = o.siteId ? sql` and site_id = ${o.siteId}` : sql``;
  if (seesHostCosts(scope) && o.by === 'site' && !o.customerId) {
    const where = sql`${scopeWhere({ orgId: sql`org_id`, siteId: sql`site_id` }, scope)}${bySite}`;
    return sql`select site_id as key, * from (${monthRows('', 'site_id', range, where)}) x`;
  }
  const byCustomer = o.customerId ? sql` and customer_id = ${o.customerId}` : sql``;
  const where = sql`${scopeWhere({ orgId: sql`org_id`, siteId: sql`site_id`, customerId: sql`customer_id` }, scope)}${bySite}${byCustomer}`;
  const key = o.by === 'site' ? sql.raw('site_id') : sql.raw('customer_id');
  return sql`select ${key} as key, * from (${monthRows('customer_', 'site_id, customer_id', range, where)}) x`;
}

const nameOf = (by: ReportBy) => (by === 'site' ? sql`(select name from sites where id = g.key)` : sql`(select name from customers where id = g.key)`);

/** Energy, cost (staff), peak and average power per key and local month, oldest first; sites carry their contracted kW (staff). */
export async function monthlyFigures(db: Db, scope: Scope, o: ReportFilter): Promise<MonthFigureRow[]> {
  const rows = sourceRows(scope, o);
  const staff = seesHostCosts(scope);
  const out = await queryRows<{ key: string; name: string; month: string; energy_wh: number; cost_mc: number; peak_w: number; avg_w: number; contracted_kw: number | null }>(
    db,
    sql`with g as (
        select key, month, sum(energy_wh)::float8 as energy_wh, sum(cost_mc)::float8 as cost_mc, sum(peak_w)::float8 as peak_w, sum(avg_w)::float8 as avg_w
        from (${rows}) r group by key, month
      )
      select g.key, ${nameOf(o.by)} as name, to_char(g.month, 'YYYY-MM') as month, g.energy_wh, g.cost_mc, g.peak_w, g.avg_w,
        ${o.by === 'site' && staff ? sql`(select contracted_kw from sites where id = g.key)` : sql`null::int`} as contracted_kw
      from g order by name, g.key, g.month`,
  );
  return out.map((r) => ({ key: r.key, name: r.name, month: r.month, energyWh: r.energy_wh, costCents: staff ? Math.round(r.cost_mc / 1000) : null, peakW: r.peak_w, avgW: r.avg_w, contractedKw: r.contracted_kw }));
}

export type CarbonRow = { key: string; name: string; month: string; source: EnergySource; energyWh: number; co2G: number };

const FACTORS = sql.raw(`(values ${Object.entries(CO2_KG_PER_KWH).map(([s, f]) => `('${s}', ${f}::numeric)`).join(', ')}) as f(source, kg_per_kwh)`);

/** (key, site_id, day, energy_wh) daily rows for the filter: a site's own or its customers'. */
function dailyRows(scope: Scope, o: ReportFilter): SQL {
  const range = sql`day >= ${first(o.fromMonth)}::date and day < (${first(o.toMonth)}::date + interval '1 month')`;
  const bySite = o.siteId ? sql` and site_id = ${o.siteId}` : sql``;
  if (seesHostCosts(scope) && o.by === 'site' && !o.customerId) {
    return sql`select site_id as key, site_id, day, energy_wh from power_daily where ${scopeWhere({ orgId: sql`org_id`, siteId: sql`site_id` }, scope)}${bySite} and ${range}`;
  }
  const byCustomer = o.customerId ? sql` and customer_id = ${o.customerId}` : sql``;
  const key = o.by === 'site' ? sql.raw('site_id') : sql.raw('customer_id');
  return sql`select ${key} as key, site_id, day, energy_wh from power_customer_daily
    where ${scopeWhere({ orgId: sql`org_id`, siteId: sql`site_id`, customerId: sql`customer_id` }, scope)}${bySite}${byCustomer} and ${range}`;
}

/**
 * kg CO₂ per key, local month and energy source: each site-local day's energy split by the mix in
 * force at that day's start (site_energy_mix is effective-dated by local midnight, so a day never
 * has two; before a site's first version, all its `energy_source`) times the source's factor
 * (REFERENCE §6), summed exactly and rounded once per row of the answer — the SQL form of
 * lib/domain/power/carbon.ts carbonBySource. Days, not months, because a mix may change mid-month;
 * the monthly aggregates are these days' sums.
 */
export async function carbonByMonth(db: Db, scope: Scope, o: ReportFilter): Promise<CarbonRow[]> {
  const rows = dailyRows(scope, o);
  const out = await queryRows<{ key: string; name: string; month: string; source: EnergySource; energy_wh: string; co2_g: string }>(
    db,
    sql`with d as (${rows}), dm as (
        select d.key, date_trunc('month', d.day)::date as month, coalesce(m.source::text, s.energy_source::text) as source, coalesce(m.share_bp, 10000) as share_bp, d.energy_wh
        from d join sites s on s.id = d.site_id
        left join lateral (select max(x.effective_from) as eff from site_energy_mix x where x.site_id = d.site_id and x.effective_from <= (d.day::timestamp at time zone s.time_zone)) cur on true
        left join site_energy_mix m on m.site_id = d.site_id and m.effective_from = cur.eff
      ), g as (
        select dm.key, dm.month, dm.source, sum(dm.energy_wh::numeric * dm.share_bp / 10000) as wh, sum(dm.energy_wh::numeric * dm.share_bp / 10000 * f.kg_per_kwh) as g
        from dm join ${FACTORS} on f.source = dm.source
        group by dm.key, dm.month, dm.source
      )
      select g.key, ${nameOf(o.by)} as name, to_char(g.month, 'YYYY-MM') as month, g.source, round(g.wh)::text as energy_wh, round(g.g)::text as co2_g
      from g order by name, g.key, g.month, g.source`,
  );
  return out.map((r) => ({ key: r.key, name: r.name, month: r.month, source: r.source, energyWh: Number(r.energy_wh), co2G: Number(r.co2_g) }));
}
