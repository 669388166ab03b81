import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { aggregatePowerDays, aggregatePowerHours, aggregatePowerMonths } from '@/db/queries/power/aggregate';
import { powerCustomerDaily, powerCustomerHourly, powerCustomerMonthly, powerDaily, powerHourly, powerMonthly, telemetryHistory5min } from '@/db/schema';
import { createTestDb } from '../helpers/db';
import { history, makePowerSite } from './power-fixture';

let db: Db;
let drop: () => Promise<void>;
let f: Awaited<ReturnType<typeof makePowerSite>>;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  f = await makePowerSite(db);
  const [m1, m2, m3] = f.miners;
  // 2026-03-10 19:00Z = 14:00 CDT (peak): all three at 1,200 W → 100 Wh a bucket each.
  for (const m of [m1!, m2!, m3!]) await history(db, m, '2026-03-10T19:00:00Z', 12, 1200);
  // 18:00Z = 13:00 CDT (off-peak): m1 alone, half the time online, for half the hour.
  await history(db, m1!, '2026-03-10T18:00:00Z', 6, 1200, 0.5);
  // 2026-03-08 (spring forward): 07:00Z = 01:00 CST (shoulder) and 08:00Z = 03:00 CDT (off-peak); the skipped 02:00 never existed.
  await history(db, m3!, '2026-03-08T07:00:00Z', 24, 600);
});
afterAll(() => drop());

const hourly = () => db.select().from(powerHourly).where(eq(powerHourly.siteId, f.site.id)).orderBy(asc(powerHourly.hour));
const custHourly = () => db.select().from(powerCustomerHourly).where(eq(powerCustomerHourly.siteId, f.site.id)).orderBy(asc(powerCustomerHourly.hour));
const all = async () => ({
  hourly: await hourly(),
  custHourly: await custHourly(),
  daily: await db.select().from(powerDaily).where(eq(powerDaily.siteId, f.site.id)).orderBy(asc(powerDaily.day)),
  custDaily: await db.select().from(powerCustomerDaily).where(eq(powerCustomerDaily.siteId, f.site.id)).orderBy(asc(powerCustomerDaily.day)),
  monthly: await db.select().from(powerMonthly).where(eq(powerMonthly.siteId, f.site.id)),
  custMonthly: await db.select().from(powerCustomerMonthly).where(eq(powerCustomerMonthly.siteId, f.site.id)),
});

async function runAll() {
  await aggregatePowerHours(db, f.site.id, new Date('2026-03-08T00:00:00Z'), new Date('2026-03-11T00:00:00Z'));
  await aggregatePowerDays(db, f.site.id, '2026-03-07', '2026-03-10');
  await aggregatePowerMonths(db, f.site.id, '2026-03', '2026-03');
}

describe('power aggregation from the five-minute history (Chicago, time-of-use)', () => {
  it('hours: energy by window, cost at the window rate, average and peak kW, CO₂, miners — site and customer', async () => {
    await runAll();
    const rows = await hourly();
    const pick = (r: (typeof rows)[number]) => [r.hour.toISOString(), r.energyWh, r.whPeak, r.whShoulder, r.whOffPeak, r.costMc, r.avgW, r.peakW, r.co2G, r.minerCount, r.buckets];
    expect(rows.map(pick)).toEqual([
      ['2026-03-08T07:00:00.000Z', 600, 0, 600, 0, 4_800, 600, 600, 14, 1, 12], // 0.6 kWh × 8¢ = 4,800 m¢; 600 × 0.024 = 14.4 g
      ['2026-03-08T08:00:00.000Z', 600, 0, 0, 600, 2_400, 600, 600, 14, 1, 12], // 03:00 CDT, off-peak at 4¢
      ['2026-03-10T18:00:00.000Z', 300, 0, 0, 300, 1_200, 600, 600, 7, 1, 6], // 6 × 600 W × 5 min
      ['2026-03-10T19:00:00.000Z', 3_600, 3_600, 0, 0, 43_200, 3_600, 3_600, 86, 3, 12], // 3.6 kWh × 12¢
    ]);
    // Customer A has m1 and m2; m3 (nobody's) is only in the site's rows.
    expect((await custHourly()).map((r) => [r.customerId, r.hour.toISOString(), r.energyWh, r.costMc, r.peakW, r.minerCount])).toEqual([
      [f.a.id, '2026-03-10T18:00:00.000Z', 300, 1_200, 600, 1],
      [f.a.id, '2026-03-10T19:00:00.000Z', 2_400, 28_800, 2_400, 2],
    ]);
  });

  it('days are local: the 23-hour 8 March holds both of its hours, months sum the days', async () => {
    const { daily, custDaily, monthly, custMonthly } = await all();
    expect(daily.map((d) => [d.day, d.energyWh, d.costMc, d.peakW, d.buckets])).toEqual([
      ['2026-03-08', 1_200, 7_200, 600, 24],
      ['2026-03-10', 3_900, 44_400, 3_600, 18],
    ]);
    expect(custDaily.map((d) => [d.day, d.energyWh])).toEqual([['2026-03-10', 2_700]]);
    expect(monthly.map((m) => [m.month, m.energyWh, m.costMc, m.co2G, m.minerCount])).toEqual([['2026-03-01', 5_100, 51_600, 121, 3]]);
    expect(custMonthly.map((m) => [m.month, m.energyWh])).toEqual([['2026-03-01', 2_700]]);
  });

  it('a re-run leaves identical rows (not even updated_at moves)', async () => {
    const before = await all();
    await runAll();
    expect(await all()).toEqual(before);
  });

  it('late telemetry re-aggregates its hour, and an hour that lost its readings loses its row', async () => {
    // m2 reports the second half of 18:00Z late, at 2,400 W.
    await history(db, f.miners[1]!, '2026-03-10T18:30:00Z', 6, 2400);
    await aggregatePowerHours(db, f.site.id, new Date('2026-03-10T18:00:00Z'), new Date('2026-03-10T19:00:00Z'));
    const [h] = await db.select().from(powerHourly).where(and(eq(powerHourly.siteId, f.site.id), eq(powerHourly.hour, new Date('2026-03-10T18:00:00Z'))));
    expect([h!.energyWh, h!.peakW, h!.buckets, h!.minerCount]).toEqual([1_500, 2_400, 12, 1]); // 300 + 6 × 200 Wh
    await db.delete(telemetryHistory5min).where(eq(telemetryHistory5min.siteId, f.site.id));
    await aggregatePowerHours(db, f.site.id, new Date('2026-03-10T18:00:00Z'), new Date('2026-03-10T19:00:00Z'));
    expect((await hourly()).map((r) => r.hour.toISOString())).not.toContain('2026-03-10T18:00:00.000Z');
  });
});

describe('a site without a tariff', () => {
  it('is priced at its flat price per kWh (sites.electricity_usd_per_kwh) as the base version', async () => {
    const { makeSite, makeMiner } = await import('../helpers/fixtures');
    const site = await makeSite(db, f.org.id); // $0.05/kWh, no site_tariffs rows
    const m = await makeMiner(db, { orgId: f.org.id, siteId: site.id });
    await history(db, m, '2026-03-10T19:00:00Z', 12, 1000);
    await aggregatePowerHours(db, site.id, new Date('2026-03-10T19:00:00Z'), new Date('2026-03-10T20:00:00Z'));
    const [h] = await db.select().from(powerHourly).where(eq(powerHourly.siteId, site.id));
    expect([h!.energyWh, h!.whFlat, h!.costMc]).toEqual([1000, 1000, 5000]); // 1 kWh × 5,000 m¢
  });
});
