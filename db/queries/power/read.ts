import { type SQL, sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { type Db, queryRows } from '../../client';
import { minerScope, scopeWhere } from '../scope';

/*
 * Power figures for the consumption center and its API, under the viewer's scope. Staff (every
 * customer in scope) read the site rows, cost included; a client reads its own customer rows, and
 * never a cost: the site's energy price is the host's cost, not the client's.
 */

export const seesHostCosts = (scope: Scope) => scope.customers === 'all';
export type Grain = 'hour' | 'day' | 'month';
const TABLE: Record<Grain, { site: string; customer: string; col: string }> = {
  hour: { site: 'power_hourly', customer: 'power_customer_hourly', col: 'hour' },
  day: { site: 'power_daily', customer: 'power_customer_daily', col: 'day' },
  month: { site: 'power_monthly', customer: 'power_customer_monthly', col: 'month' },
};

/** The rows a scope reads at a grain, as `p` (site_id, period, energy_wh, wh_*, cost_mc, peak_w, co2_g, source), one per site and period. */
function rowsOf(grain: Grain, scope: Scope, o: { siteId?: string; customerId?: string }): SQL {
  const t = TABLE[grain];
  const bySite = o.siteId ? sql` and site_id = ${o.siteId}` : sql``;
  if (seesHostCosts(scope) && !o.customerId) {
    return sql`select site_id, ${sql.raw(t.col)} as period, energy_wh, wh_peak, wh_shoulder, wh_off_peak, wh_flat, cost_mc, peak_w, co2_g, source
      from ${sql.raw(t.site)} where ${scopeWhere({ orgId: sql`org_id`, siteId: sql`site_id` }, scope)}${bySite}`;
  }
  const byCustomer = o.customerId ? sql` and customer_id = ${o.customerId}` : sql``;
  return sql`select site_id, ${sql.raw(t.col)} as period, sum(energy_wh) as energy_wh, sum(wh_peak) as wh_peak, sum(wh_shoulder) as wh_shoulder,
      sum(wh_off_peak) as wh_off_peak, sum(wh_flat) as wh_flat, sum(cost_mc) as cost_mc, sum(peak_w) as peak_w, sum(co2_g) as co2_g, min(source) as source
    from ${sql.raw(t.customer)} where ${scopeWhere({ orgId: sql`org_id`, siteId: sql`site_id`, customerId: sql`customer_id` }, scope)}${bySite}${byCustomer}
    group by site_id, ${sql.raw(t.col)}`;
}

export type SeriesPoint = { period: string; energyWh: number; costCents: number | null; peakW: number; co2G: number; byWindowWh: { peak: number; shoulder: number; offPeak: number; flat: number }; sources: string[] };

/**
 * Energy over [from, to) at a grain, summed over the sites in scope (peakW is the sum of the sites'
 * peaks: an upper bound of their coincident peak). `from`/`to` are instants for hours and dates
 * ('YYYY-MM-DD') for days and months.
 */
export async function energySeries(db: Db, scope: Scope, o: { grain: Grain; from: string; to: string; siteId?: string; customerId?: string }): Promise<SeriesPoint[]> {
  const cast = o.grain === 'hour' ? sql.raw('timestamptz') : sql.raw('date');
  const rows = await queryRows<{ period: string; energy_wh: number; cost_mc: number; peak_w: number; co2_g: number; wh_peak: number; wh_shoulder: number; wh_off_peak: number; wh_flat: number; sources: string[] }>(
    db,
    sql`with p as (${rowsOf(o.grain, scope, o)})
      select period::text as period, sum(energy_wh)::float8 as energy_wh, sum(cost_mc)::float8 as cost_mc, sum(peak_w)::float8 as peak_w, sum(co2_g)::float8 as co2_g,
        sum(wh_peak)::float8 as wh_peak, sum(wh_shoulder)::float8 as wh_shoulder, sum(wh_off_peak)::float8 as wh_off_peak, sum(wh_flat)::float8 as wh_flat,
        array_agg(distinct source) as sources
      from p where period >= ${o.from}::${cast} and period < ${o.to}::${cast} group by period order by period`,
  );
  const costs = seesHostCosts(scope) && !o.customerId;
  return rows.map((r) => ({
    period: r.period,
    energyWh: r.energy_wh,
    costCents: costs ? Math.round(r.cost_mc / 1000) : null,
    peakW: r.peak_w,
    co2G: r.co2_g,
    byWindowWh: { peak: r.wh_peak, shoulder: r.wh_shoulder, offPeak: r.wh_off_peak, flat: r.wh_flat },
    sources: r.sources,
  }));
}

export type SiteOverview = { siteId: string; name: string; timeZone: string; contractedKw: number | null; liveW: number; liveMiners: number; todayWh: number; todayCostCents: number | null; todayLastHour: string | null; monthWh: number; monthCostCents: number | null; monthPeakW: number; lastHour: string | null; hoursIntoMonth: number; hoursInMonth: number; monthSources: string[] };

/**
 * Per site in scope: power now (miners' latest readings younger than 10 minutes), today's and this
 * month's energy in the site's own calendar and the sources its hours came from (meter, PDU meters,
 * telemetry, nameplate), and — for staff — today's and the month's energy cost and the contracted kW.
 * Today's cost is the sum of the aggregated hours' cost_mc since the site's local midnight: each hour
 * priced by its tariff window (lib/domain/power/tariff.ts via the hourly aggregation), so it runs up
 * to `todayLastHour` (the newest hour aggregated today) — not to now. All in one statement.
 */
export async function powerOverview(db: Db, scope: Scope, now: Date): Promise<SiteOverview[]> {
  const staff = seesHostCosts(scope);
  const n = now.toISOString();
  const rows = await queryRows<{ site_id: string; name: string; time_zone: string; contracted_kw: number; live_w: number; live_miners: number; today_wh: number; today_cost_mc: number; today_last_hour: string | null; month_wh: number; month_cost_mc: number; month_peak_w: number; last_hour: string | null; into_h: number; month_h: number; month_sources: string[] | null }>(
    db,
    sql`with p as (${rowsOf('hour', scope, {})}),
      live as (
        select miners.site_id, coalesce(sum(l.power_w), 0)::float8 as w, count(*)::int as miners
        from miner_telemetry_live l join miners on miners.id = l.miner_id
        where ${minerScope(scope)} and l.online and l.collected_at > ${n}::timestamptz - interval '10 minutes'
        group by miners.site_id
      ), s as (
        select s.id, s.name, s.time_zone, s.contracted_kw,
          date_trunc('day', ${n}::timestamptz at time zone s.time_zone) at time zone s.time_zone as day_start,
          date_trunc('month', ${n}::timestamptz at time zone s.time_zone) at time zone s.time_zone as month_start,
          (date_trunc('month', ${n}::timestamptz at time zone s.time_zone) + interval '1 month') at time zone s.time_zone as month_end
        from sites s where s.id in (select distinct site_id from p union select site_id from live)
          and ${scopeWhere({ orgId: sql`s.org_id`, siteId: sql`s.id` }, scope)}
      )
      select s.id as site_id, s.name, s.time_zone, s.contracted_kw, coalesce(live.w, 0) as live_w, coalesce(live.miners, 0) as live_miners,
        coalesce((select sum(energy_wh) from p where p.site_id = s.id and p.period >= s.day_start), 0)::float8 as today_wh,
        coalesce((select sum(cost_mc) from p where p.site_id = s.id and p.period >= s.day_start), 0)::float8 as today_cost_mc,
        (select max(period) from p where p.site_id = s.id and p.period >= s.day_start)::text as today_last_hour,
        coalesce((select sum(energy_wh) from p where p.site_id = s.id and p.period >= s.month_start), 0)::float8 as month_wh,
        coalesce((select sum(cost_mc) from p where p.site_id = s.id and p.period >= s.month_start), 0)::float8 as month_cost_mc,
        coalesce((select max(peak_w) from p where p.site_id = s.id and p.period >= s.month_start), 0)::float8 as month_peak_w,
        (select max(period) from p where p.site_id = s.id)::text as last_hour,
        (select array_agg(distinct source order by source) from p where p.site_id = s.id and p.period >= s.month_start) as month_sources,
        extract(epoch from (${n}::timestamptz - s.month_start)) / 3600 as into_h, extract(epoch from (s.month_end - s.month_start)) / 3600 as month_h
      from s left join live on live.site_id = s.id order by s.name`,
  );
  return rows.map((r) => ({
    siteId: r.site_id,
    name: r.name,
    timeZone: r.time_zone,
    contractedKw: staff ? r.contracted_kw : null,
    liveW: r.live_w,
    liveMiners: r.live_miners,
    todayWh: r.today_wh,
    todayCostCents: staff && r.today_last_hour ? Math.round(r.today_cost_mc / 1000) : null,
    todayLastHour: r.today_last_hour && new Date(r.today_last_hour).toISOString(),
    monthWh: r.month_wh,
    monthCostCents: staff ? Math.round(r.month_cost_mc / 1000) : null,
    monthPeakW: r.month_peak_w,
    lastHour: r.last_hour && new Date(r.last_hour).toISOString(),
    hoursIntoMonth: Number(r.into_h),
    hoursInMonth: Number(r.month_h),
    monthSources: r.month_sources ?? [],
  }));
}

export type SavingsMonth = { month: string; events: number; energyAvoidedWh: number; costAvoidedCents: number; revenueForgoneCents: number; netSavingCents: number; unpriced: number };

/**
 * Curtailment savings per UTC month of the events' start, in scope (staff: they weigh the host's
 * energy cost): energy and cost avoided, revenue forgone and the net, from each event's own hourly
 * tariff and hashprice (curtailment_events, priced by the curtailment job). Events not priced yet
 * (running, or a price missing) are counted apart, never as zero.
 */
export async function curtailmentSavingsByMonth(db: Db, scope: Scope, o: { fromMonth: string; siteId?: string }): Promise<SavingsMonth[]> {
  const rows = await queryRows<{ month: string; events: number; e: number; c: number; r: number; n: number; unpriced: number }>(
    db,
    sql`select to_char(date_trunc('month', created_at at time zone 'UTC'), 'YYYY-MM') as month, count(*)::int as events,
        coalesce(sum(energy_avoided_wh), 0)::float8 as e, coalesce(sum(cost_avoided_cents), 0)::float8 as c,
        coalesce(sum(revenue_forgone_cents), 0)::float8 as r, coalesce(sum(net_saving_cents), 0)::float8 as n,
        (count(*) filter (where net_saving_cents is null))::int as unpriced
      from curtailment_events
      where ${scopeWhere({ orgId: sql`org_id`, siteId: sql`site_id` }, scope)} and created_at >= ${`${o.fromMonth}-01`}::timestamptz
        ${o.siteId ? sql`and site_id = ${o.siteId}` : sql``}
      group by 1 order by 1`,
  );
  return rows.map((r) => ({ month: r.month, events: r.events, energyAvoidedWh: r.e, costAvoidedCents: r.c, revenueForgoneCents: r.r, netSavingCents: r.n, unpriced: r.unpriced }));
}
