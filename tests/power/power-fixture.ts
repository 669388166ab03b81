import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { siteTariffs, sites, telemetryHistory5min } from '@/db/schema';
import { makeCustomer, makeMiner, makeOrg, makeSite } from '../helpers/fixtures';

export const CHI = 'America/Chicago';
const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];

/**
 * A Chicago site (hydro, 0.024 kg/kWh) with a time-of-use tariff — peak 14–20 local at 12¢, shoulder
 * 20:00–02:00 at 8¢, off-peak 4¢, $10/kW demand, $100 a month fixed — and three miners: two of
 * customer A, one of nobody.
 */
export async function makePowerSite(db: Db) {
  const org = await makeOrg(db);
  const site = await makeSite(db, org.id);
  await db.update(sites).set({ timeZone: CHI }).where(eq(sites.id, site.id));
  const a = await makeCustomer(db, org.id);
  const m1 = await makeMiner(db, { orgId: org.id, siteId: site.id, customerId: a.id });
  const m2 = await makeMiner(db, { orgId: org.id, siteId: site.id, customerId: a.id });
  const m3 = await makeMiner(db, { orgId: org.id, siteId: site.id });
  await db.insert(siteTariffs).values({
    orgId: org.id,
    siteId: site.id,
    effectiveFrom: new Date('2026-01-01T06:00:00Z'),
    kind: 'tou',
    ratesMcPerKwh: { peak: 12_000, shoulder: 8_000, off_peak: 4_000 },
    seasons: [{ name: 'all year', from: '01-01', to: '12-31', periods: [{ window: 'peak', days: ALL_DAYS, from: '14:00', to: '20:00' }, { window: 'shoulder', days: ALL_DAYS, from: '20:00', to: '02:00' }] }],
    demandCentsPerKw: 1_000,
    fixedMonthlyCents: 10_000,
  });
  return { org, site, a, miners: [m1, m2, m3] };
}

/** Five-minute history rows for one miner: `powerW` at `ratio` online in every bucket of [from, from + buckets × 5 min). */
export async function history(db: Db, m: { id: string; orgId: string; siteId: string }, from: string, buckets: number, powerW: number, ratio = 1) {
  const rows = Array.from({ length: buckets }, (_, i) => ({
    minerId: m.id,
    orgId: m.orgId,
    siteId: m.siteId,
    bucket: new Date(new Date(from).getTime() + i * 300_000),
    samples: 10,
    onlineSamples: Math.round(10 * ratio),
    onlineRatio: ratio,
    powerAvgW: powerW,
    powerMaxW: powerW,
  }));
  await db.insert(telemetryHistory5min).values(rows).onConflictDoUpdate({ target: [telemetryHistory5min.minerId, telemetryHistory5min.bucket], set: { powerAvgW: powerW, onlineRatio: ratio } });
}
