import { asc, sql } from 'drizzle-orm';
import type { AlertSite } from '@/lib/domain/power/alerts';
import { BASELINE } from '@/lib/domain/power/baseline';
import type { Tariff } from '@/lib/domain/power/tariff';
import { type Db, queryRows } from '../../client';
import { siteTariffs } from '../../schema';
import { toTariff, withBase } from './tariffs';

/*
 * What the power-alerts job judges, for every site (a system job: no tenant scope; each row carries
 * its organization). One statement for the measured figures, one for the tariffs.
 */

export type AlertInput = AlertSite & { orgId: string; name: string };

/**
 * Per site: power now (readings younger than 10 minutes), the miners' rated power, the newest
 * aggregated hour, this local month's peak and the hour it fell in, the hour to judge against its
 * baseline — the one before the current, once the hourly job (:07) has written it — with the same
 * local hour of the week in each of the four weeks before (local arithmetic, so a DST change does
 * not shift the hour), and the newest meter reading of a site metered in the last 30 days.
 */
export async function loadAlertInputs(db: Db, now: Date): Promise<AlertInput[]> {
  const n = now.toISOString();
  const rows = await queryRows<{
    id: string;
    org_id: string;
    name: string;
    time_zone: string;
    contracted_kw: number;
    electricity_usd_per_kwh: string;
    live_w: number;
    live_miners: number;
    rated_w: number;
    last_hour: string | null;
    month: string;
    peak_w: number | null;
    peak_hour: string | null;
    judged: string;
    judged_wh: number | null;
    samples: number[] | null;
    last_meter: string | null;
  }>(
    db,
    sql`with s as (
        select s.id, s.org_id, s.name, s.time_zone, s.contracted_kw, s.electricity_usd_per_kwh,
          date_trunc('month', ${n}::timestamptz at time zone s.time_zone) at time zone s.time_zone as month_start,
          to_char(${n}::timestamptz at time zone s.time_zone, 'YYYY-MM') as month,
          date_trunc('hour', ${n}::timestamptz - interval '15 minutes') - interval '1 hour' as judged
        from sites s
      ), live as (
        select m.site_id, coalesce(sum(l.power_w), 0)::float8 as w, count(*)::int as miners
        from miner_telemetry_live l join miners m on m.id = l.miner_id
        where l.online and l.collected_at > ${n}::timestamptz - interval '10 minutes' group by m.site_id
      ), rated as (
        select m.site_id, sum(mm.power_w::bigint * m.quantity)::float8 as w from miners m join miner_models mm on mm.id = m.model_id group by m.site_id
      )
      select s.id, s.org_id, s.name, s.time_zone, s.contracted_kw, s.electricity_usd_per_kwh::text, coalesce(live.w, 0) as live_w, coalesce(live.miners, 0) as live_miners,
        coalesce(rated.w, 0) as rated_w, s.month, s.judged::text,
        (select max(hour) from power_hourly p where p.site_id = s.id)::text as last_hour,
        mp.peak_w::float8 as peak_w, mp.hour::text as peak_hour,
        (select energy_wh::float8 from power_hourly p where p.site_id = s.id and p.hour = s.judged) as judged_wh,
        (select array_agg(energy_wh::float8 order by hour) from power_hourly p where p.site_id = s.id and p.hour in (
          select ((s.judged at time zone s.time_zone) - k * interval '7 days') at time zone s.time_zone from generate_series(1, ${BASELINE.weeks}) k)) as samples,
        (select max(period_end) from meter_readings r where r.site_id = s.id and r.period_end > ${n}::timestamptz - interval '30 days')::text as last_meter
      from s left join live on live.site_id = s.id left join rated on rated.site_id = s.id
        left join lateral (select peak_w, hour from power_hourly p where p.site_id = s.id and p.hour >= s.month_start and p.hour < ${n}::timestamptz order by peak_w desc, hour limit 1) mp on true
      order by s.id`,
  );
  const tariffRows = await db.select().from(siteTariffs).orderBy(asc(siteTariffs.siteId), asc(siteTariffs.effectiveFrom));
  const bySite = new Map<string, Tariff[]>();
  for (const t of tariffRows) {
    const versions = bySite.get(t.siteId);
    if (versions) versions.push(toTariff(t));
    else bySite.set(t.siteId, [toTariff(t)]);
  }
  const iso = (t: string | null) => (t === null ? null : new Date(t).toISOString());
  return rows.map((r) => {
    const tariffs = withBase(r.id, r.electricity_usd_per_kwh, bySite.get(r.id) ?? []);
    return {
      siteId: r.id,
      orgId: r.org_id,
      name: r.name,
      timeZone: r.time_zone,
      contractedKw: r.contracted_kw,
      liveW: r.live_w,
      liveMiners: r.live_miners,
      ratedW: r.rated_w,
      tariffs,
      lastHour: iso(r.last_hour),
      monthPeak: r.peak_w === null || r.peak_hour === null ? null : { month: r.month, peakW: r.peak_w, hour: iso(r.peak_hour)! },
      judgedHour: r.judged_wh === null ? null : { hour: iso(r.judged)!, energyWh: r.judged_wh, samplesWh: r.samples ?? [] },
      lastMeterReading: iso(r.last_meter),
    };
  });
}
