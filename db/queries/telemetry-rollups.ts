import { lt, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { telemetryHistory5min } from '../schema';

export const HISTORY_RETENTION_MS = 60 * 86_400_000;
const BUCKET_MS = 300_000;

export const floorTo5min = (t: Date) => new Date(Math.floor(t.getTime() / BUCKET_MS) * BUCKET_MS);

/**
 * Re-aggregates every five-minute bucket that starts in [from, to) from the raw readings, replacing
 * what was there: re-running it, or running it after late (replayed) readings arrived, converges on
 * the same rows. Hashrate is the 5-second figure, averaged over the samples where the miner was online.
 */
export async function rollup5min(db: Db, from: Date, to: Date): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with up as (
      insert into telemetry_history_5min (miner_id, bucket, org_id, site_id, samples, online_samples, online_ratio,
        hashrate_avg_ths, hashrate_min_ths, hashrate_max_ths, temp_chip_avg_c, temp_chip_max_c, temp_inlet_avg_c,
        power_avg_w, power_max_w, fan_min_rpm, fan_avg_rpm, accepted_delta, rejected_delta)
      select m.id, date_bin('5 minutes', r.collected_at, timestamptz '2000-01-01'), m.org_id, m.site_id,
        count(*), count(*) filter (where r.online), (count(*) filter (where r.online))::real / count(*),
        avg(coalesce(r.hashrate5s_ths, r.hashrate_avg_ths)) filter (where r.online),
        min(coalesce(r.hashrate5s_ths, r.hashrate_avg_ths)) filter (where r.online),
        max(coalesce(r.hashrate5s_ths, r.hashrate_avg_ths)) filter (where r.online),
        avg(r.temp_chip_max_c) filter (where r.online), max(r.temp_chip_max_c),
        avg(r.temp_inlet_c) filter (where r.online),
        avg(r.power_w) filter (where r.online), max(r.power_w),
        min(r.fan_min_rpm) filter (where r.online), avg(r.fan_min_rpm) filter (where r.online),
        greatest(max(r.accepted) - min(r.accepted), 0), greatest(max(r.rejected) - min(r.rejected), 0)
      from telemetry_raw r join miners m on m.id = r.miner_id
      where r.collected_at >= ${from.toISOString()}::timestamptz and r.collected_at < ${to.toISOString()}::timestamptz
      group by m.id, 2
      on conflict (miner_id, bucket) do update set org_id = excluded.org_id, site_id = excluded.site_id,
        samples = excluded.samples, online_samples = excluded.online_samples, online_ratio = excluded.online_ratio,
        hashrate_avg_ths = excluded.hashrate_avg_ths, hashrate_min_ths = excluded.hashrate_min_ths,
        hashrate_max_ths = excluded.hashrate_max_ths, temp_chip_avg_c = excluded.temp_chip_avg_c,
        temp_chip_max_c = excluded.temp_chip_max_c, temp_inlet_avg_c = excluded.temp_inlet_avg_c,
        power_avg_w = excluded.power_avg_w, power_max_w = excluded.power_max_w, fan_min_rpm = excluded.fan_min_rpm,
        fan_avg_rpm = excluded.fan_avg_rpm, accepted_delta = excluded.accepted_delta, rejected_delta = excluded.rejected_delta
      returning 1)
    select count(*)::int as n from up`,
  );
  return rows[0]?.n ?? 0;
}

/**
 * Re-aggregates the UTC days from `fromDay` to `toDay` (inclusive, 'YYYY-MM-DD') from the 5-minute
 * history. Energy counts each bucket's average power for the share of it the miner was online;
 * buckets without any reading add nothing (no reading is not evidence of power drawn).
 */
export async function rollupDaily(db: Db, fromDay: string, toDay: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with up as (
      insert into telemetry_daily (miner_id, day, org_id, site_id, samples, online_ratio, hashrate_avg_ths,
        hashrate_min_ths, hashrate_max_ths, temp_chip_avg_c, temp_chip_max_c, power_avg_w, power_max_w, fan_min_rpm,
        energy_wh, uptime_hours)
      select m.id, (h.bucket at time zone 'UTC')::date, m.org_id, m.site_id,
        sum(h.samples), sum(h.online_samples)::real / sum(h.samples),
        sum(h.hashrate_avg_ths * h.online_samples) / nullif(sum(h.online_samples) filter (where h.hashrate_avg_ths is not null), 0),
        min(h.hashrate_min_ths), max(h.hashrate_max_ths),
        sum(h.temp_chip_avg_c * h.online_samples) / nullif(sum(h.online_samples) filter (where h.temp_chip_avg_c is not null), 0),
        max(h.temp_chip_max_c),
        sum(h.power_avg_w * h.online_samples) / nullif(sum(h.online_samples) filter (where h.power_avg_w is not null), 0),
        max(h.power_max_w), min(h.fan_min_rpm),
        round(coalesce(sum(h.power_avg_w * h.online_ratio), 0) * 5 / 60)::int,
        sum(h.online_ratio) * 5 / 60
      from telemetry_history_5min h join miners m on m.id = h.miner_id
      where h.bucket >= ${fromDay}::date::timestamp at time zone 'UTC'
        and h.bucket < (${toDay}::date + 1)::timestamp at time zone 'UTC'
      group by m.id, 2
      on conflict (miner_id, day) do update set org_id = excluded.org_id, site_id = excluded.site_id,
        samples = excluded.samples, online_ratio = excluded.online_ratio, hashrate_avg_ths = excluded.hashrate_avg_ths,
        hashrate_min_ths = excluded.hashrate_min_ths, hashrate_max_ths = excluded.hashrate_max_ths,
        temp_chip_avg_c = excluded.temp_chip_avg_c, temp_chip_max_c = excluded.temp_chip_max_c,
        power_avg_w = excluded.power_avg_w, power_max_w = excluded.power_max_w, fan_min_rpm = excluded.fan_min_rpm,
        energy_wh = excluded.energy_wh, uptime_hours = excluded.uptime_hours
      returning 1)
    select count(*)::int as n from up`,
  );
  return rows[0]?.n ?? 0;
}

export async function deleteOldHistory(db: Db, now: Date): Promise<number> {
  const rows = await db
    .delete(telemetryHistory5min)
    .where(lt(telemetryHistory5min.bucket, new Date(now.getTime() - HISTORY_RETENTION_MS)))
    .returning({ minerId: telemetryHistory5min.minerId });
  return rows.length;
}
