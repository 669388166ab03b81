import { eq, type SQL, sql } from 'drizzle-orm';
import { CO2_KG_PER_KWH, mixOrSingle, storedMixFactor } from '@/lib/domain/power/carbon';
import { pricedSlots } from '@/lib/domain/power/tariff';
import { addDays, zonedMidnight } from '@/lib/domain/power/zone';
import { type Db, queryRows } from '../../client';
import { sites } from '../../schema';
import { pgArray } from '../pg-array';
import { siteMixVersions } from './energy-mix';
import { siteTariffVersions } from './tariffs';

const HOUR_MS = 3_600_000;
const FIGURES = ['energy_wh', 'wh_peak', 'wh_shoulder', 'wh_off_peak', 'wh_flat', 'cost_mc', 'avg_w', 'peak_w', 'co2_g', 'miner_count', 'buckets', 'source'];
const cols = (prefix = '') => FIGURES.map((c) => prefix + c).join(', ');
const setChanged = (table: string, extra: readonly string[] = []) => {
  const all = [...FIGURES, ...extra];
  return sql.raw(`${all.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = now()
    where (${all.map((c) => `${table}.${c}`).join(', ')}) is distinct from (${all.map((c) => `excluded.${c}`).join(', ')})`);
};
/** The site's hourly rows also keep each source's own energy (db/schema/power.ts). */
const SITE_HOURLY = ['meter_wh', 'pdu_wh', 'miners_wh', 'meters_seen_at'];
const ORIGIN = `timestamptz '2000-01-01'`;

type SiteInfo = { id: string; orgId: string; timeZone: string; energySource: keyof typeof CO2_KG_PER_KWH };

export async function powerSite(db: Db, siteId: string): Promise<SiteInfo | null> {
  const [s] = await db.select({ id: sites.id, orgId: sites.orgId, timeZone: sites.timeZone, energySource: sites.energySource }).from(sites).where(eq(sites.id, siteId));
  return s ?? null;
}

/** One aggregation of a site at a time, whoever runs it (the jobs, a backfill): held to the end of the transaction. */
const lockSite = (tx: Db, siteId: string) => tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`power:${siteId}`}))`);

/**
 * Re-aggregates the UTC hours of [from, to) of one site — site and per-customer rows — from its
 * meter readings and the five-minute history, replacing what was there (hours left without readings lose their rows), so a
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
 *
 * Meters come first: a site row's figures are the site meters' when they cover the whole hour (every
 * site meter that reported in it, for all of its 3,600 s), else the PDU meters' on the same rule,
 * else the miners' (source 'meter', 'pdu', or the miners' own). A reading's energy is spread evenly
 * over the five-minute buckets it overlaps, so a metered hour is priced bucket by bucket like a
 * measured one, whatever the meter's interval. Every source's energy is kept beside the figures
 * (meter_wh, pdu_wh, miners_wh) for the reconciliation. Customer rows are always the miners': no
 * meter is a customer's.
 */
export async function aggregatePowerHours(db: Db, siteId: string, from: Date, to: Date): Promise<number> {
  const site = await powerSite(db, siteId);
  if (!site) return 0;
  const start = new Date(Math.floor(from.getTime() / HOUR_MS) * HOUR_MS);
  const end = new Date(Math.ceil(to.getTime() / HOUR_MS) * HOUR_MS);
  const slots = pricedSlots(await siteTariffVersions(db, siteId), site.timeZone, start, end);
  // Each hour's CO₂ factor is the blend of the mix version in force at its start (mixv below); before
  // the first version, or without any, the site's single energy source.
  const versions = await siteMixVersions(db, siteId);
  const single = storedMixFactor(mixOrSingle([], site.energySource));
  const [f, t] = [start.toISOString(), end.toISOString()];
  const hourSums = (w: string) => `
    round(coalesce(sum(${w}) filter (where win = 'peak'), 0) / 12)::bigint as wh_peak,
    round(coalesce(sum(${w}) filter (where win = 'shoulder'), 0) / 12)::bigint as wh_shoulder,
    round(coalesce(sum(${w}) filter (where win = 'off_peak'), 0) / 12)::bigint as wh_off_peak,
    round(coalesce(sum(${w}) filter (where win = 'flat'), 0) / 12)::bigint as wh_flat,
    round(coalesce(sum(${w} * rate), 0) / 12000)::bigint as cost_mc,
    round(avg(coalesce(${w}, 0)))::bigint as avg_w, round(max(coalesce(${w}, 0)))::bigint as peak_w,
    max(n)::int as miner_count, count(*)::int as buckets, sum(np) as np, sum(tp) as tp`;
  const minersSource = `case when np = 0 then 'telemetry' when tp = 0 then 'nameplate' else 'mixed' end`;
  const finish = (source: string) => `wh_peak + wh_shoulder + wh_off_peak + wh_flat, wh_peak, wh_shoulder, wh_off_peak, wh_flat, cost_mc, avg_w, peak_w,
    round((wh_peak + wh_shoulder + wh_off_peak + wh_flat) * coalesce((select f from mixv where mixv.eff <= hour order by mixv.eff desc limit 1), ${single}::numeric))::bigint, miner_count, buckets, ${source}`;
  return db.transaction(async (tx) => {
    await lockSite(tx, siteId);
    await tx.execute(sql.raw(`set local work_mem = '64MB'`));
    const rows = await queryRows<{ n: number }>(
      tx,
      sql`with mixv as (
        select * from unnest(${pgArray(versions.map((v) => v.effectiveFrom.toISOString()))}::timestamptz[], ${pgArray(versions.map((v) => storedMixFactor(v.mix)))}::numeric[]) as v(eff, f)
      ), slots as (
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
        select date_bin('1 hour', b.bucket, ${sql.raw(ORIGIN)}) as hour, b.bucket, b.customer_id, b.w, b.n, b.np, b.tp, coalesce(s.win, 'flat') as win, coalesce(s.rate, 0) as rate
        from b left join slots s on s.bucket = b.bucket
      ), sb as (
        select hour, bucket, sum(w) as w, sum(n) as n, sum(np) as np, sum(tp) as tp from bp group by hour, bucket
      ), mr as (
        select r.kind, r.meter_id, g.bucket, r.received_at,
          r.energy_wh::numeric * extract(epoch from least(r.period_end, g.bucket + interval '5 minutes') - greatest(r.period_start, g.bucket))
            / extract(epoch from r.period_end - r.period_start) as wh,
          extract(epoch from least(r.period_end, g.bucket + interval '5 minutes') - greatest(r.period_start, g.bucket)) as secs
        from meter_readings r
        cross join lateral generate_series(date_bin('5 minutes', greatest(r.period_start, ${f}::timestamptz), ${sql.raw(ORIGIN)}),
          least(r.period_end, ${t}::timestamptz) - interval '1 microsecond', interval '5 minutes') as g(bucket)
        where r.site_id = ${siteId} and r.period_end > ${f}::timestamptz and r.period_start < ${t}::timestamptz
      ), mm as (
        select date_bin('1 hour', bucket, ${sql.raw(ORIGIN)}) as hour, kind, meter_id, sum(wh) as wh, sum(secs) as secs from mr group by 1, 2, 3
      ), mk as (
        select hour, kind, sum(wh) as wh from mm group by hour, kind having bool_and(secs >= 3600)
      ), pick as (
        select distinct on (hour) hour, kind from mk order by hour, (kind <> 'site')
      ), seen as (
        select date_bin('1 hour', bucket, ${sql.raw(ORIGIN)}) as hour, max(received_at) as at from mr group by 1
      ), mb as (
        select mr.bucket, sum(mr.wh) * 12 as w from mr join pick p on p.hour = date_bin('1 hour', mr.bucket, ${sql.raw(ORIGIN)}) and p.kind = mr.kind group by mr.bucket
      ), site_b as (
        select x.hour, x.bucket, coalesce(s.win, 'flat') as win, coalesce(s.rate, 0) as rate, p.kind as metered,
          case when p.kind is null then sb.w else coalesce(mb.w, 0) end as w, sb.w as mw,
          coalesce(sb.n, 0) as n, coalesce(sb.np, 0) as np, coalesce(sb.tp, 0) as tp
        from (select hour, bucket from sb union select date_bin('1 hour', bucket, ${sql.raw(ORIGIN)}), bucket from mb) x
        left join sb on sb.bucket = x.bucket left join mb on mb.bucket = x.bucket
        left join pick p on p.hour = x.hour left join slots s on s.bucket = x.bucket
      ), cust as (
        select hour, customer_id, ${sql.raw(hourSums('w'))} from bp where customer_id is not null group by hour, customer_id
      ), site as (
        select hour, ${sql.raw(hourSums('w'))}, min(metered) as metered, round(coalesce(sum(mw), 0) / 12)::bigint as miners_wh from site_b group by hour
      ), up_site as (
        insert into power_hourly (site_id, hour, org_id, ${sql.raw(cols())}, ${sql.raw(SITE_HOURLY.join(', '))})
        select ${siteId}::uuid, site.hour, ${site.orgId}::uuid, ${sql.raw(finish(`case metered when 'site' then 'meter' when 'pdu' then 'pdu' else ${minersSource} end`))},
          round((select wh from mk where mk.hour = site.hour and kind = 'site'))::bigint, round((select wh from mk where mk.hour = site.hour and kind = 'pdu'))::bigint,
          miners_wh, (select at from seen where seen.hour = site.hour)
        from site
        on conflict (site_id, hour) do update set ${setChanged('power_hourly', SITE_HOURLY)}
      ), up_cust as (
        insert into power_customer_hourly (site_id, customer_id, hour, org_id, ${sql.raw(cols())})
        select ${siteId}::uuid, customer_id, hour, ${site.orgId}::uuid, ${sql.raw(finish(minersSource))} from cust
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
