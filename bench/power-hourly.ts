import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { aggregatePowerHours } from '@/db/queries/power/aggregate';
import { customers, minerModels, organizations, siteTariffs, sites } from '@/db/schema';
import { ensureMinerModels } from '@/db/seed/ensure-miner-models';

const MINERS = 6000;
const CUSTOMERS = 60;
const TARGET_MS = 2000;

/**
 * Issue 15's speed target: one hour of power aggregation (site and per-customer rows, priced by a
 * time-of-use tariff) for 6,000 miners × 12 five-minute buckets, timed warm as the hourly job runs it.
 */
export async function benchPowerHourly(db: Db) {
  await ensureMinerModels(db);
  const [model] = await db.select({ id: minerModels.id }).from(minerModels).limit(1);
  const [org] = await db.insert(organizations).values({ name: 'Bench power', slug: `bench-power-${Date.now()}` }).returning();
  const [site] = await db
    .insert(sites)
    .values({ orgId: org!.id, name: 'Bench power', location: 'Bench', timeZone: 'America/Chicago', energySource: 'grid', contractedKw: 25_000, electricityUsdPerKwh: '0.05000' })
    .returning();
  const custs = await db.insert(customers).values(Array.from({ length: CUSTOMERS }, (_, i) => ({ orgId: org!.id, name: `Bench customer ${i}` }))).returning({ id: customers.id });
  await db.insert(siteTariffs).values({
    orgId: org!.id,
    siteId: site!.id,
    effectiveFrom: new Date('2020-01-01T06:00:00Z'),
    kind: 'tou',
    ratesMcPerKwh: { peak: 12_000, shoulder: 8_000, off_peak: 4_000 },
    seasons: [{ name: 'all', from: '01-01', to: '12-31', periods: [{ window: 'peak', days: [1, 2, 3, 4, 5], from: '14:00', to: '20:00' }] }],
  });
  await db.execute(sql`insert into miners (org_id, site_id, customer_id, model_id, name)
    select ${org!.id}::uuid, ${site!.id}::uuid, (${`{${custs.map((c) => c.id).join(',')}}`}::uuid[])[1 + i % ${CUSTOMERS}], ${model!.id}, 'P-' || i
    from generate_series(1, ${MINERS}) i`);
  const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3 * 3_600_000);
  await db.execute(sql`insert into telemetry_history_5min (miner_id, bucket, org_id, site_id, samples, online_samples, online_ratio, power_avg_w, power_max_w)
    select m.id, ${hour.toISOString()}::timestamptz + b * interval '5 minutes', m.org_id, m.site_id, 5, 5, 1, 3200 + (hashtext(m.id::text) % 100), 3400
    from miners m cross join generate_series(0, 11) b where m.site_id = ${site!.id}`);
  await db.execute(sql`analyze telemetry_history_5min`);
  const next = new Date(hour.getTime() + 3_600_000);
  await aggregatePowerHours(db, site!.id, hour, next); // warm-up: first run inserts
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await aggregatePowerHours(db, site!.id, hour, next);
    times.push(performance.now() - t0);
  }
  const ms = Math.round(Math.max(...times));
  return [{ bench: `power hourly aggregation, ${MINERS.toLocaleString('en')} miners × 12 buckets, ${CUSTOMERS} customers (target < ${TARGET_MS} ms; slowest of 3)`, ms, 'rows/s': Math.round((MINERS * 12) / (ms / 1000)), pass: ms < TARGET_MS ? 'PASS' : 'FAIL' }];
}
