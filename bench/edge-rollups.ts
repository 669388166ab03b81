import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/db/client';
import { ensureRawPartitions } from '@/db/queries/telemetry/partitions';
import { rollup5min, rollupDaily } from '@/db/queries/telemetry/rollups';

/**
 * 24 h of one-minute readings for every miner of the site (8.64 M rows for 6,000 miners), generated
 * in SQL, then the 5-minute and daily rollups timed as the daily job runs them.
 */
export async function benchEdgeRollups(db: Db, siteId: string, minerLimit?: number) {
  const end = new Date(Math.floor((Date.now() - 2 * 3600_000) / 3600_000) * 3600_000);
  const start = new Date(end.getTime() - 24 * 3600_000);
  await ensureRawPartitions(db, [start.getTime(), end.getTime() - 1]);
  const g0 = performance.now();
  await db.execute(sql`
    insert into telemetry_raw (miner_id, collected_at, online, hashrate5s_ths, hashrate_avg_ths, hashrate_nominal_ths, temp_chip_max_c,
      temp_board_max_c, temp_inlet_c, temp_outlet_c, fan_min_rpm, fan_count, power_w, accepted, rejected, hardware_errors, uptime_s)
    select m.id, ts, (extract(minute from ts)::int + hashtext(m.id::text)) % 97 <> 0, 100 + random() * 15, 108, 110, 70 + random() * 10,
      65, 25, 50, 5400, 4, 3200 + random() * 100, extract(epoch from ts - ${start.toISOString()}::timestamptz) * 0.5, 10, 1, 86400
    from miners m cross join generate_series(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz - interval '1 minute', interval '1 minute') ts
    where m.site_id = ${siteId} and m.id in (select id from miners where site_id = ${siteId} order by id limit ${minerLimit ?? 1_000_000})
    on conflict do nothing`);
  const genMs = performance.now() - g0;
  const [{ n }] = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from telemetry_raw where collected_at >= ${start.toISOString()}::timestamptz and collected_at < ${end.toISOString()}::timestamptz`)) as [{ n: number }];
  await db.execute(sql`analyze telemetry_raw`);

  const t0 = performance.now();
  const buckets = await rollup5min(db, start, end);
  const fiveMs = performance.now() - t0;
  const t1 = performance.now();
  const days = await rollupDaily(db, start.toISOString().slice(0, 10), new Date(end.getTime() - 1).toISOString().slice(0, 10));
  const dailyMs = performance.now() - t1;
  return [
    { bench: `generate ${n.toLocaleString('en')} raw rows (generate_series, not part of the target)`, ms: Math.round(genMs), 'rows/s': Math.round(n / (genMs / 1000)) },
    { bench: `5-min rollup of 24 h (${buckets.toLocaleString('en')} buckets)`, ms: Math.round(fiveMs), 'rows/s': Math.round(n / (fiveMs / 1000)) },
    { bench: `daily rollup (${days.toLocaleString('en')} miner-days)`, ms: Math.round(dailyMs), 'rows/s': '' },
    { bench: '5-min + daily rollups of 24 h (target < 30 s)', ms: Math.round(fiveMs + dailyMs), 'rows/s': '' },
  ];
}
