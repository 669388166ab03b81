import { eq, type SQL, sql } from 'drizzle-orm';
import { CO2_KG_PER_KWH } from '@/lib/domain/power/carbon';
import { pricedSlots } from '@/lib/domain/power/tariff';
import { addDays, zonedMidnight } from '@/lib/domain/power/zone';
import { type Db, queryRows } from '../../client';
import { sites } from '../../schema';
import { pgArray } from '../pg-array';
import { siteTariffVersions } from './tariffs';

const HOUR_MS = 3_600_000;
const FIGURES = ['energy_wh', 'wh_peak', 'wh_shoulder', 'wh_off_peak', 'wh_flat', 'cost_mc', 'avg_w', 'peak_w', 'co2_g', 'miner_count', 'buckets', 'source'];
const cols = (prefix = '') => FIGURES.map((c) => prefix + c).join(', ');
const setChanged = (table: string) =>
  sql.raw(`${FIGURES.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = now()
    where (${FIGURES.map((c) => `${table}.${c}`).join(', ')}) is distinct from (${FIGURES.map((c) => `excluded.${c}`).join(', ')})`);

type SiteInfo = { id: string; orgId: string; timeZone: string; energySource: keyof typeof CO2_KG_PER_KWH };

export async function powerSite(db: Db, siteId: string): Promise<SiteInfo | null> {
  const [s] = await db.select({ id: sites.id, orgId: sites.orgId, timeZone: sites.timeZone, energySource: sites.energySource }).from(sites).where(eq(sites.id, siteId));
  return s ?? null;
}

/** One aggregation of a site at a time, whoever runs it (the jobs, a backfill): held to the end of the transaction. */
const lockSite = (tx: Db, siteId: string) => tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`power:${siteId}`}))`);

/**
 * Re-aggregates the UTC hours of [from, to) of one site — site and per-customer rows — from the
 * five-minute history, replacing what was there (hours left without readings lose their rows), so a
 * re-run, or a run after late readings were rolled up, converges on the same rows; rows that did not
 * change are not rewritten.
 *
 * Each bucket's energy is its average power for the share of it the miner was online (as the daily
 * telemetry rows count it) — a miner online without a power reading counts its model's nameplate
 * watts, and the row's source says so ('telemetry', 'nameplate', or 'mixed' when both were used) —
 * priced at the rate of the tariff window the bucket starts in: the
 * windows come from lib/domain/power (pricedSlots, one row per bucket, joined here), so the sums stay
 * in SQL and the tariff rules in one place. Sums are numeric so their order cannot change a
 * rounding; each window's Wh is rounded once and energy_wh is their sum. A miner's customer is its
 * current one.
 */
export async function aggregatePowerHours(db: Db, siteId: string, from: Date, to: Date): Promise<number> {
  const site = await powerSite(db, siteId);
  if (!site) return 0;
  const start = new Date(Math.floor(from.getTime() / HOUR_MS) * HOUR_MS);
  const end = new Date(Math.ceil(to.getTime() / HOUR_MS) * HOUR_MS);
  const slots = pricedSlots(await siteTariffVersions(db, siteId), site.timeZone, start, end);
  const factor = CO2_KG_PER_KWH[site.energySource];
  const [f, t] = [start.toISOString(), end.toISOString()];
  const hourSums = (w: string) => `
    round(coalesce(sum(${w}) filter (where win = 'peak'), 0) / 12)::bigint as wh_peak,
    round(coalesce(sum(${w}) filter (where win = 'shoulder'), 0) / 12)::bigint as wh_shoulder,
    round(coalesce(sum(${w}) filter (where win = 'off_peak'), 0) / 12)::bigint as wh_off_peak,
    round(coalesce(sum(${w}) filter (where win = 'flat'), 0) / 12)::bigint as wh_flat,
    round(coalesce(sum(${w} * rate), 0) / 12000)::bigint as cost_mc,
    round(avg(coalesce(${w}, 0)))::bigint as avg_w, round(max(coalesce(${w}, 0)))::bigint as peak_w,
    max(n)::int as miner_count, count(*)::int as buckets, sum(np) as np, sum(tp) as tp`;
  const finish = `wh_peak + wh_shoulder + wh_off_peak + wh_flat, wh_peak, wh_shoulder, wh_off_peak, wh_flat, cost_mc, avg_w, peak_w,
    round((wh_peak + wh_shoulder + wh_off_peak + wh_flat) * ${factor}::numeric)::bigint, miner_count, buckets,
    case when np = 0 then 'telemetry' when tp = 0 then 'nameplate' else 'mixed' end`;
  return db.transaction(async (tx) => {
    await lockSite(tx, siteId);
    await tx.execute(sql.raw(`set local work_mem = '64MB'`));
    const rows = await queryRows<{ n: number }>(
      tx,
      sql`with slots as (
        select * from unnest(${pgArray(slots.map((s) => s.start.toISOString()))}::timestamptz[], ${pgArray(slots.map((s) => s.window))}::text[],
          ${pgArray(slots.map((s) => s.rateMcPerKwh))}::bigint[]) as s(bucket, win, rate)
      ), b as (
        select h.bucket, m.customer_id, sum((coalesce(h.power_avg_w::float8, mm.power_w::float8) * h.online_ratio::float8)::numeric) as w,
          count(*) filter (where h.online_samples > 0) as n,
          count(*) filter (where h.power_avg_w is null and h.online_samples > 0) as np, count(*) filter (where h.power_avg_w is not null) as tp
        from telemetry_history_5min h join miners m on m.id = h.miner_id join miner_models mm on mm.id = m.model_id
        where h.site_id = ${siteId} and h.bucket >= ${f}::timestamptz and h.bucket < ${t}::timestamptz
        group by h.bucket, m.customer_id
      ), bp as (
        select date_bin('1 hour', b.bucket, timestamptz '2000-01-01') as hour, b.bucket, b.customer_id, b.w, b.n, b.np, b.tp, coalesce(s.win, 'flat') as win, coalesce(s.rate, 0) as rate
        from b left join slots s on s.bucket = b.bucket
      ), sb as (
        select hour, win, rate, sum(w) as w, sum(n) as n, sum(np) as np, sum(tp) as tp from bp group by hour, bucket, win, rate
      ), cust as (
        select hour, customer_id, ${sql.raw(hourSums('w'))} from bp where customer_id is not null group by hour, customer_id
      ), site as (
        select hour, ${sql.raw(hourSums('w'))} from sb group by hour
      ), up_site as (
        insert into power_hourly (site_id, hour, org_id, ${sql.raw(cols())})
        select ${siteId}::uuid, hour, ${site.orgId}::uuid, ${sql.raw(finish)} from site
        on conflict (site_id, hour) do update set ${setChanged('power_hourly')}
      ), up_cust as (
        insert into power_customer_hourly (site_id, customer_id, hour, org_id, ${sql.raw(cols())})
        select ${siteId}::uuid, customer_id, hour, ${site.orgId}::uuid, ${sql.raw(finish)} from cust
        on conflict (site_id, customer_id, hour) do update set ${setChanged('power_customer_hourly')}
      ), gone_site as (
        delete from power_hourly p where p.site_id = ${siteId} and p.hour >= ${f}::timestamptz and p.hour < ${t}::timestamptz
          and not exists (select 1 from site where site.hour = p.hour)
      ), gone_cust as (
        delete from power_customer_hourly p where p.site_id = ${siteId} and p.hour >= ${f}::timestamptz and p.hour < ${t}::timestamptz
          and not exists (select 1 from cust where cust.hour = p.hour and cust.customer_id = p.customer_id)
      )
      select (select count(*) from site)::int as n`,
    );
    return rows[0]?.n ?? 0;
  });
}

const SUMMED = ['energy_wh', 'wh_peak', 'wh_shoulder', 'wh_off_peak', 'wh_flat', 'cost_mc', 'co2_g', 'buckets'];
const rollupFigures = `${SUMMED.map((c) => `sum(${c})::bigint as ${c}`).join(', ')},
  round(sum(avg_w * buckets)::numeric / nullif(sum(buckets), 0))::bigint as avg_w, max(peak_w) as peak_w, max(miner_count) as miner_count,
  case when count(distinct source) = 1 then min(source) else 'mixed' end as source`;

type Level = { src: string; dst: string; keys: string[] };
const LEVELS: Level[] = [
  { src: '', dst: '', keys: ['site_id'] },
  { src: 'customer_', dst: 'customer_', keys: ['site_id', 'customer_id'] },
];

/**
 * Rebuilds rows of a coarser period from the finer one (hours → local days, days → local months),
 * for the site and each customer, replacing what was there: one statement per level. `period` is
 * the SQL of a source row's period and `where` the source rows' range.
 */
async function rollupPeriods(db: Db, siteId: string, orgId: string, o: { fromTable: string; toTable: string; period: SQL; periodCol: string; where: SQL; range: SQL }) {
  let n = 0;
  for (const level of LEVELS) {
    const src = `power_${level.src}${o.fromTable}`;
    const dst = `power_${level.dst}${o.toTable}`;
    const keys = level.keys.join(', ');
    const rows = await queryRows<{ n: number }>(
      db,
      sql`with agg as (
        select ${sql.raw(keys)}, ${o.period} as period, ${sql.raw(rollupFigures)}
        from ${sql.raw(src)} where site_id = ${siteId} and ${o.where} group by ${sql.raw(keys)}, ${sql.raw(String(level.keys.length + 1))}
      ), up as (
        insert into ${sql.raw(dst)} (${sql.raw(keys)}, ${sql.raw(o.periodCol)}, org_id, ${sql.raw(cols())})
        select ${sql.raw(keys)}, period, ${orgId}::uuid, ${sql.raw(cols())} from agg
        on conflict (${sql.raw(keys)}, ${sql.raw(o.periodCol)}) do update set ${setChanged(dst)}
      ), gone as (
        delete from ${sql.raw(dst)} d where d.site_id = ${siteId} and ${o.range}
          and not exists (select 1 from agg where ${sql.raw(level.keys.map((k) => `agg.${k} = d.${k}`).join(' and '))} and agg.period = d.${sql.raw(o.periodCol)})
      )
      select (select count(*) from agg)::int as n`,
    );
    n += rows[0]?.n ?? 0;
  }
  return n;
}

/** Local days fromDay..toDay (inclusive, 'YYYY-MM-DD' in the site's zone) from the hourly rows. */
export async function aggregatePowerDays(db: Db, siteId: string, fromDay: string, toDay: string): Promise<number> {
  const site = await powerSite(db, siteId);
  if (!site) return 0;
  const from = zonedMidnight(fromDay, site.timeZone).toISOString();
  const to = zonedMidnight(addDays(toDay, 1), site.timeZone).toISOString();
  return db.transaction(async (tx) => {
    await lockSite(tx, siteId);
    return rollupPeriods(tx, siteId, site.orgId, {
      fromTable: 'hourly',
      toTable: 'daily',
      period: sql`(hour at time zone ${site.timeZone})::date`,
      periodCol: 'day',
      where: sql`hour >= ${from}::timestamptz and hour < ${to}::timestamptz`,
      range: sql`d.day >= ${fromDay}::date and d.day <= ${toDay}::date`,
    });
  });
}

/** Local months fromMonth..toMonth (inclusive, 'YYYY-MM') from the daily rows. */
export async function aggregatePowerMonths(db: Db, siteId: string, fromMonth: string, toMonth: string): Promise<number> {
  const site = await powerSite(db, siteId);
  if (!site) return 0;
  const from = `${fromMonth}-01`;
  return db.transaction(async (tx) => {
    await lockSite(tx, siteId);
    return rollupPeriods(tx, siteId, site.orgId, {
      fromTable: 'daily',
      toTable: 'monthly',
      period: sql`date_trunc('month', day)::date`,
      periodCol: 'month',
      where: sql`day >= ${from}::date and day < (${`${toMonth}-01`}::date + interval '1 month')`,
      range: sql`d.month >= ${from}::date and d.month <= ${`${toMonth}-01`}::date`,
    });
  });
}

/** Every site with its zone, for the jobs that aggregate them all (a system job: no tenant scope). */
export async function powerSites(db: Db): Promise<{ id: string; timeZone: string }[]> {
  return db.select({ id: sites.id, timeZone: sites.timeZone }).from(sites).orderBy(sites.id);
}
