import { lt, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../client';
import { telemetryHistory5min } from '../../schema';

export const HISTORY_RETENTION_MS = 60 * 86_400_000;
const BUCKET_MS = 300_000;

export const floorTo5min = (t: Date) => new Date(Math.floor(t.getTime() / BUCKET_MS) * BUCKET_MS);

const HOUR_MS = 3_600_000;
/** Per hour slice: 6,000 miners × 12 buckets fit an in-memory hash aggregate with this, instead of spilling. */
const ROLLUP_WORK_MEM = '128MB';
const ROLLUP_PARALLEL_SLICES = 2;

const HISTORY_FIGURES = `samples, online_samples, online_ratio, hashrate_avg_ths, hashrate_min_ths, hashrate_max_ths,
  temp_chip_avg_c, temp_chip_max_c, temp_inlet_avg_c, power_avg_w, power_max_w, fan_min_rpm, fan_avg_rpm,
  accepted_delta, rejected_delta`;
const HISTORY_NAMES = HISTORY_FIGURES.split(',').map((c) => c.trim());

/**
 * Re-aggregates every five-minute bucket that starts in [from, to) from the raw readings, replacing
 * what was there: re-running it, or running it after late (replayed) readings arrived, converges on
 * the same rows. Hashrate is the 5-second figure, averaged over the samples where the miner was online.
 *
 * Works one hour at a time (a statement and a transaction each, two slices at once), so every slice reads only its own
 * rows (a range of telemetry_raw's time-first key) and aggregates in memory; the miner's org and site are joined after
 * aggregating (a few thousand rows per slice, not every reading), and rows that did not change are
 * not rewritten. `from` is expected on a five-minute boundary, so no bucket straddles two slices.
 */
export async function rollup5min(db: Db, from: Date, to: Date): Promise<number> {
  const slices: [Date, Date][] = [];
  for (let start = from.getTime(); start < to.getTime(); ) {
    const end = Math.min(to.getTime(), Math.floor(start / HOUR_MS) * HOUR_MS + HOUR_MS);
    slices.push([new Date(start), new Date(end)]);
    start = end;
  }
  // Slices write disjoint buckets, so they can run side by side: one per core keeps the server busy
  // while the other slice's rows travel (PGlite, with one connection, simply runs them in turn).
  let total = 0;
  let next = 0;
  const worker = async () => {
    while (next < slices.length) {
      const [start, end] = slices[next++]!;
      // Not `total += await …`: that reads `total` before the await, so two workers lose each other's counts.
      const buckets = await rollupSlice(db, start, end);
      total += buckets;
    }
  };
  await Promise.all(Array.from({ length: Math.min(ROLLUP_PARALLEL_SLICES, slices.length) }, worker));
  return total;
}

async function rollupSlice(db: Db, from: Date, to: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local work_mem = '${ROLLUP_WORK_MEM}'`));
    const rows = await queryRows<{ n: number }>(
      tx,
      sql`with agg as (
        select r.miner_id, date_bin('5 minutes', r.collected_at, timestamptz '2000-01-01') as bucket,
          count(*) as samples, count(*) filter (where r.online) as online_samples,
          (count(*) filter (where r.online))::real / count(*) as online_ratio,
          avg(coalesce(r.hashrate5s_ths, r.hashrate_avg_ths)) filter (where r.online) as hashrate_avg_ths,
          min(coalesce(r.hashrate5s_ths, r.hashrate_avg_ths)) filter (where r.online) as hashrate_min_ths,
          max(coalesce(r.hashrate5s_ths, r.hashrate_avg_ths)) filter (where r.online) as hashrate_max_ths,
          avg(r.temp_chip_max_c) filter (where r.online) as temp_chip_avg_c, max(r.temp_chip_max_c) as temp_chip_max_c,
          avg(r.temp_inlet_c) filter (where r.online) as temp_inlet_avg_c,
          avg(r.power_w) filter (where r.online) as power_avg_w, max(r.power_w) as power_max_w,
          min(r.fan_min_rpm) filter (where r.online) as fan_min_rpm, avg(r.fan_min_rpm) filter (where r.online) as fan_avg_rpm,
          greatest(max(r.accepted) - min(r.accepted), 0) as accepted_delta, greatest(max(r.rejected) - min(r.rejected), 0) as rejected_delta
        from telemetry_raw r
        where r.collected_at >= ${from.toISOString()}::timestamptz and r.collected_at < ${to.toISOString()}::timestamptz
        group by 1, 2
      ), up as (
        insert into telemetry_history_5min (miner_id, bucket, org_id, site_id, ${sql.raw(HISTORY_FIGURES)})
        select agg.miner_id, agg.bucket, m.org_id, m.site_id, ${sql.raw(HISTORY_NAMES.map((n) => `agg.${n}`).join(', '))}
        from agg join miners m on m.id = agg.miner_id
        on conflict (miner_id, bucket) do update set org_id = excluded.org_id, site_id = excluded.site_id,
          ${sql.raw(HISTORY_NAMES.map((n) => `${n} = excluded.${n}`).join(', '))}
        where (${sql.raw(['org_id', 'site_id', ...HISTORY_NAMES].map((n) => `telemetry_history_5min.${n}`).join(', '))})
          is distinct from (${sql.raw(['org_id', 'site_id', ...HISTORY_NAMES].map((n) => `excluded.${n}`).join(', '))}))
      select (select count(*) from agg)::int as n`,
    );
    return rows[0]?.n ?? 0;
  });
}

/**
 * Re-aggregates the UTC days from `fromDay` to `toDay` (inclusive, 'YYYY-MM-DD') from the 5-minute
 * history. Energy counts each bucket's average power for the share of it the miner was online;
 * buckets without any reading add nothing (no reading is not evidence of power drawn).
 */
export async function rollupDaily(db: Db, fromDay: string, toDay: string): Promise<number> {
  const figures = ['samples', 'online_ratio', 'hashrate_avg_ths', 'hashrate_min_ths', 'hashrate_max_ths', 'temp_chip_avg_c', 'temp_chip_max_c', 'power_avg_w', 'power_max_w', 'fan_min_rpm', 'energy_wh', 'uptime_hours'];
  const all = ['org_id', 'site_id', ...figures];
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local work_mem = '${ROLLUP_WORK_MEM}'`));
    const rows = await queryRows<{ n: number }>(
      tx,
      sql`with agg as (
        select h.miner_id, (h.bucket at time zone 'UTC')::date as day,
          sum(h.samples) as samples, sum(h.online_samples)::real / sum(h.samples) as online_ratio,
          sum(h.hashrate_avg_ths * h.online_samples) / nullif(sum(h.online_samples) filter (where h.hashrate_avg_ths is not null), 0) as hashrate_avg_ths,
          min(h.hashrate_min_ths) as hashrate_min_ths, max(h.hashrate_max_ths) as hashrate_max_ths,
          sum(h.temp_chip_avg_c * h.online_samples) / nullif(sum(h.online_samples) filter (where h.temp_chip_avg_c is not null), 0) as temp_chip_avg_c,
          max(h.temp_chip_max_c) as temp_chip_max_c,
          sum(h.power_avg_w * h.online_samples) / nullif(sum(h.online_samples) filter (where h.power_avg_w is not null), 0) as power_avg_w,
          max(h.power_max_w) as power_max_w, min(h.fan_min_rpm) as fan_min_rpm,
          round(coalesce(sum(h.power_avg_w * h.online_ratio), 0) * 5 / 60)::int as energy_wh,
          sum(h.online_ratio) * 5 / 60 as uptime_hours
        from telemetry_history_5min h
        where h.bucket >= ${fromDay}::date::timestamp at time zone 'UTC'
          and h.bucket < (${toDay}::date + 1)::timestamp at time zone 'UTC'
        group by 1, 2
      ), up as (
        insert into telemetry_daily (miner_id, day, ${sql.raw(all.join(', '))})
        select agg.miner_id, agg.day, m.org_id, m.site_id, ${sql.raw(figures.map((n) => `agg.${n}`).join(', '))}
        from agg join miners m on m.id = agg.miner_id
        on conflict (miner_id, day) do update set ${sql.raw(all.map((n) => `${n} = excluded.${n}`).join(', '))}
        where (${sql.raw(all.map((n) => `telemetry_daily.${n}`).join(', '))}) is distinct from (${sql.raw(all.map((n) => `excluded.${n}`).join(', '))}))
      select (select count(*) from agg)::int as n`,
    );
    return rows[0]?.n ?? 0;
  });
}

export async function deleteOldHistory(db: Db, now: Date): Promise<number> {
  const rows = await db
    .delete(telemetryHistory5min)
    .where(lt(telemetryHistory5min.bucket, new Date(now.getTime() - HISTORY_RETENTION_MS)))
    .returning({ minerId: telemetryHistory5min.minerId });
  return rows.length;
}
