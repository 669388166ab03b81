import { signedIn } from '../helpers/signed-in';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { aggregatePowerHours } from '@/db/queries/power/aggregate';
import { saveSiteEnergyMix, siteEnergyMixes } from '@/db/queries/power/energy-mix';
import { powerCustomerDaily, powerCustomerMonthly, powerDaily, powerHourly, powerMonthly, sites } from '@/db/schema';
import type { Role } from '@/lib/core/roles';
import { energyMixSchema } from '@/lib/validation/power-reports';
import { testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeUser } from '../helpers/fixtures';
import { history, makePowerSite } from './power-fixture';

const comparisonRoute = await import('@/app/api/hosting/power/comparison/route');
const contractsRoute = await import('@/app/api/hosting/power/contracts/route');
const carbonRoute = await import('@/app/api/hosting/power/carbon/route');

let db: Db;
let drop: () => Promise<void>;
let f: Awaited<ReturnType<typeof makePowerSite>>;
let userId: string;
let otherCustomer: string;

const figures = (energyWh: number, costCents: number, peakW: number, avgW: number) => ({
  energyWh,
  whPeak: 0,
  whShoulder: 0,
  whOffPeak: energyWh,
  whFlat: 0,
  costMc: costCents * 1000,
  avgW,
  peakW,
  co2G: 0,
  minerCount: 3,
  buckets: 12 * 24,
  source: 'telemetry',
});

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  f = await makePowerSite(db);
  otherCustomer = (await makeCustomer(db, f.org.id)).id;
  userId = (await makeUser(db, { orgId: f.org.id, role: 'OWNER' })).user.id;
  await db.update(sites).set({ contractedKw: 2 }).where(eq(sites.id, f.site.id));
  const key = { siteId: f.site.id, orgId: f.org.id };
  // Fixed aggregates. The site: March 2025 1,500 kWh $90.00 2.5 kW peak; February 2026 1,000 kWh
  // $80.00 1.6 kW; March 2026 1,200 kWh $96.00 2.0 kW. Customer A: February 400 kWh, March 600 kWh.
  await db.insert(powerMonthly).values([
    { ...key, month: '2025-03-01', ...figures(1_500_000, 9_000, 2_500, 2_000) },
    { ...key, month: '2026-02-01', ...figures(1_000_000, 8_000, 1_600, 1_400) },
    { ...key, month: '2026-03-01', ...figures(1_200_000, 9_600, 2_000, 1_600) },
  ]);
  await db.insert(powerCustomerMonthly).values([
    { ...key, customerId: f.a.id, month: '2026-02-01', ...figures(400_000, 3_200, 700, 550) },
    { ...key, customerId: f.a.id, month: '2026-03-01', ...figures(600_000, 4_800, 900, 800) },
  ]);
  // April so far exists only as days (the monthly job writes it on 1 May): 50 + 70 kWh, peak 1.9 kW.
  await db.insert(powerDaily).values([
    { ...key, day: '2026-04-01', ...figures(50_000, 400, 1_800, 1_000) },
    { ...key, day: '2026-04-02', ...figures(70_000, 560, 1_900, 1_200) },
  ]);
  await db.insert(powerCustomerDaily).values([{ ...key, customerId: f.a.id, day: '2026-04-01', ...figures(30_000, 240, 800, 600) }]);
  // The days February and March were summed from (carbon splits days by the mix in force on each).
  await db.insert(powerDaily).values([
    { ...key, day: '2026-02-15', ...figures(1_000_000, 8_000, 1_600, 1_400) },
    { ...key, day: '2026-03-15', ...figures(1_200_000, 9_600, 2_000, 1_600) },
  ]);
  await db.insert(powerCustomerDaily).values([
    { ...key, customerId: f.a.id, day: '2026-02-15', ...figures(400_000, 3_200, 700, 550) },
    { ...key, customerId: f.a.id, day: '2026-03-15', ...figures(600_000, 4_800, 900, 800) },
  ]);
});
afterAll(() => drop());

function as(role: Role, customers?: string[]) {
  const actor = testActor(f.org.id, role, userId);
  signedIn.actor = customers ? { ...actor, scope: { ...actor.scope, customers } } : actor;
}
const ctx = { params: Promise.resolve({}) };
const get = async (h: { GET: (r: Request, c: typeof ctx) => Promise<Response> }, q: string) => {
  const res = await h.GET(new Request(`http://app.test/api/hosting/power/x${q}`), ctx);
  return { status: res.status, body: await res.json() };
};

describe('energy mix', () => {
  it('shares in percent must sum to exactly 100', () => {
    const parse = (shares: { source: string; pct: number }[]) => energyMixSchema.safeParse({ siteId: f.site.id, shares });
    expect(parse([{ source: 'hydro', pct: 60 }, { source: 'coal', pct: 39.99 }]).success).toBe(false);
    expect(parse([{ source: 'hydro', pct: 60 }, { source: 'hydro', pct: 40 }]).success).toBe(false);
    expect(parse([{ source: 'hydro', pct: 60 }, { source: 'coal', pct: 40 }, { source: 'wind', pct: 0 }]).data?.mix).toEqual([
      { source: 'hydro', shareBp: 6_000 },
      { source: 'coal', shareBp: 4_000 },
    ]);
  });

  it('is stored per site by an owner (a site-bound role may not), and the aggregation weighs it', async () => {
    const mix = energyMixSchema.parse({ siteId: f.site.id, shares: [{ source: 'hydro', pct: 60 }, { source: 'coal', pct: 40 }] });
    // Saved on 2025-12-30 (noon in Chicago): in force from the next local midnight, 2025-12-31.
    const saved = new Date('2025-12-30T18:00:00Z');
    await expect(saveSiteEnergyMix(db, { orgId: f.org.id, sites: [f.site.id], customers: 'all' }, userId, mix, saved)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await saveSiteEnergyMix(db, testActor(f.org.id, 'OWNER', userId).scope, userId, mix, saved);
    const [m] = await siteEnergyMixes(db, testActor(f.org.id, 'OWNER', userId).scope, new Date('2026-01-05T00:00:00Z'));
    expect(m).toMatchObject({ stored: true, mix: [{ source: 'hydro', shareBp: 6_000 }, { source: 'coal', shareBp: 4_000 }] });
    // One hour at 1 kW: 1,000 Wh × 0.3424 kg/kWh = 342 g.
    await history(db, f.miners[2]!, '2026-01-05T10:00:00Z', 12, 1000);
    await aggregatePowerHours(db, f.site.id, new Date('2026-01-05T10:00:00Z'), new Date('2026-01-05T11:00:00Z'));
    const [h] = await db.select().from(powerHourly).where(and(eq(powerHourly.siteId, f.site.id), eq(powerHourly.hour, new Date('2026-01-05T10:00:00Z'))));
    expect([h!.energyWh, h!.co2G]).toEqual([1_000, 342]);
  });
});

describe('comparison: MoM and YoY per site and customer', () => {
  it('staff: March 2026 against February (+20 % kWh, +20 % cost, +25 % peak) and March 2025 (−20 %, +6.7 %, −20 %)', async () => {
    as('OWNER');
    const { body } = await get(comparisonRoute, '?month=2026-03&months=3');
    expect(body.total).toEqual({
      current: { energyWh: 1_200_000, costCents: 9_600, peakW: 2_000 },
      previousMonth: { energyWh: 1_000_000, costCents: 8_000, peakW: 1_600 },
      sameMonthLastYear: { energyWh: 1_500_000, costCents: 9_000, peakW: 2_500 },
      mom: { energyPct: 20, costPct: 20, peakPct: 25 },
      yoy: { energyPct: -20, costPct: 6.7, peakPct: -20 },
    });
    expect(body.sites).toHaveLength(1);
    // Customer A: 600 against 400 kWh = +50 %, no March 2025 row to compare with.
    expect(body.customers).toMatchObject([{ customerId: f.a.id, current: { energyWh: 600_000, costCents: 4_800 }, mom: { energyPct: 50, costPct: 50 }, yoy: { energyPct: null } }]);
    expect(body.trend.map((t: { month: string; energyWh: number }) => [t.month, t.energyWh])).toEqual([
      ['2026-01', 0],
      ['2026-02', 1_000_000],
      ['2026-03', 1_200_000],
    ]);
  });

  it('the month so far comes from the daily rows until the monthly job writes it', async () => {
    as('OWNER');
    const { body } = await get(comparisonRoute, '?month=2026-04&months=1');
    expect(body.total.current).toEqual({ energyWh: 120_000, costCents: 960, peakW: 1_900 });
    expect(body.total.mom.energyPct).toBe(-90);
  });

  it('a client sees its own customer only and never a cost; another customer sees nothing', async () => {
    as('CLIENT', [f.a.id]);
    const { body } = await get(comparisonRoute, '?month=2026-03');
    expect(body.total).toMatchObject({ current: { energyWh: 600_000, costCents: null }, mom: { energyPct: 50, costPct: null } });
    expect(body.sites).toMatchObject([{ siteId: f.site.id, current: { energyWh: 600_000, costCents: null } }]);
    expect(JSON.stringify(body)).not.toMatch(/"costCents":\d/);
    as('CLIENT', [otherCustomer]);
    expect((await get(comparisonRoute, '?month=2026-03')).body).toMatchObject({ total: { current: null }, sites: [], customers: [] });
  });

  it('validates its parameters', async () => {
    as('OWNER');
    expect((await get(comparisonRoute, '?month=2026-13')).status).toBe(400);
    expect((await get(comparisonRoute, '?months=0')).status).toBe(400);
    expect((await get(comparisonRoute, '?siteId=nope')).status).toBe(400);
  });
});

describe('contracts: contracted vs measured peak', () => {
  it('2 kW contracted: February 80 % peak / 70 % average, March 100 % / 80 %, not exceeded', async () => {
    as('OWNER');
    const { body } = await get(contractsRoute, '?month=2026-03&months=2');
    expect(body.sites[0].months).toEqual([
      { month: '2026-02', peakW: 1_600, avgW: 1_400, peakPct: 80, averagePct: 70, exceeded: false, headroomW: 400 },
      { month: '2026-03', peakW: 2_000, avgW: 1_600, peakPct: 100, averagePct: 80, exceeded: false, headroomW: 0 },
    ]);
    expect((await get(contractsRoute, '?month=2025-03&months=1')).body.sites[0].months).toMatchObject([{ peakPct: 125, exceeded: true, headroomW: -500 }]);
    as('CLIENT', [f.a.id]);
    expect((await get(contractsRoute, '')).status).toBe(403);
  });
});

describe('carbon by source over the stored mix', () => {
  it('February: 1,000 kWh at 60 % hydro and 40 % coal = 14.4 + 328 = 342.4 kg; March 1,200 kWh = 410.88 kg', async () => {
    as('OWNER');
    const { body } = await get(carbonRoute, '?month=2026-03&months=2');
    expect(body.months).toEqual([
      { month: '2026-02', energyWh: 1_000_000, co2G: 342_400, co2Kg: 342.4, kgPerKwh: 0.3424, bySource: [{ source: 'coal', energyWh: 400_000, co2G: 328_000 }, { source: 'hydro', energyWh: 600_000, co2G: 14_400 }] },
      { month: '2026-03', energyWh: 1_200_000, co2G: 410_880, co2Kg: 410.88, kgPerKwh: 0.3424, bySource: [{ source: 'coal', energyWh: 480_000, co2G: 393_600 }, { source: 'hydro', energyWh: 720_000, co2G: 17_280 }] },
    ]);
    // Customer A's 400 kWh in February: 160 kWh coal × 0.82 + 240 kWh hydro × 0.024 = 131.2 + 5.76 = 136.96 kg.
    expect(body.customers[0]).toMatchObject({ customerId: f.a.id, month: '2026-02', co2G: 136_960 });
    expect(body.mixes).toEqual([{ siteId: f.site.id, name: f.site.name, stored: true, since: '2025-12-31T06:00:00.000Z', next: null, shares: [{ source: 'hydro', pct: 60 }, { source: 'coal', pct: 40 }] }]);
  });

  it('a client: its own energy and carbon only', async () => {
    as('CLIENT', [f.a.id]);
    const { body } = await get(carbonRoute, '?month=2026-03&months=2');
    expect(body.months.map((m: { co2G: number }) => m.co2G)).toEqual([136_960, 205_440]); // 600 kWh: 196.8 + 8.64 kg
    as('CLIENT', [otherCustomer]);
    expect((await get(carbonRoute, '?month=2026-03')).body).toMatchObject({ months: [], sites: [], customers: [], mixes: [] });
  });
});
