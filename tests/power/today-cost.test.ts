import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { aggregatePowerHours } from '@/db/queries/power/aggregate';
import { powerOverview } from '@/db/queries/power/read';
import { testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeUser } from '../helpers/fixtures';
import { history, makePowerSite } from './power-fixture';

let db: Db;
let drop: () => Promise<void>;
let f: Awaited<ReturnType<typeof makePowerSite>>;
let userId: string;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  f = await makePowerSite(db);
  userId = (await makeUser(db, { orgId: f.org.id, role: 'OWNER' })).user.id;
  const [m1, m2, m3] = f.miners;
  // Chicago is on CDT (UTC−5) from 2026-03-08, so 2026-03-10 local starts at 05:00Z.
  // Yesterday, 2026-03-10T04:00Z = 23:00 CDT on the 9th (shoulder, 8¢): m3 at 1,200 W → 1,200 Wh.
  await history(db, m3!, '2026-03-10T04:00:00Z', 12, 1200);
  // Today, 13:00 CDT (off-peak, 4¢): m1 at 1,200 W for the whole hour → 1,200 Wh.
  await history(db, m1!, '2026-03-10T18:00:00Z', 12, 1200);
  // Today, 14:00 CDT (peak, 12¢): all three at 1,000 W → 3,000 Wh.
  for (const m of [m1!, m2!, m3!]) await history(db, m, '2026-03-10T19:00:00Z', 12, 1000);
  await aggregatePowerHours(db, f.site.id, new Date('2026-03-10T00:00:00Z'), new Date('2026-03-11T00:00:00Z'));
});
afterAll(() => drop());

describe("today's cost on /power (hourly rows since the site's local midnight, priced by window)", () => {
  it('sums the hours of the local day only, by their tariff windows, and says how far it runs', async () => {
    // 15:30 CDT on the 10th: the hours so far today are 13:00 and 14:00 CDT.
    const [site] = await powerOverview(db, testActor(f.org.id, 'OWNER', userId).scope, new Date('2026-03-10T20:30:00Z'));
    // By hand: 1.2 kWh × 4¢ = 4.8¢ (4,800 m¢) + 3.0 kWh × 12¢ = 36¢ (36,000 m¢) → 40,800 m¢ = 40.8¢ → 41¢.
    // Yesterday's 23:00 hour (1.2 kWh × 8¢ = 9.6¢) is the month's, not today's: month 50,400 m¢ → 50¢.
    expect(site).toMatchObject({ todayWh: 4_200, todayCostCents: 41, monthWh: 5_400, monthCostCents: 50, todayLastHour: '2026-03-10T19:00:00.000Z' });
  });

  it('is "no figure" (null) before any hour of the local day is aggregated, and hidden from a client', async () => {
    // 00:30 CDT on the 11th (05:30Z): a new local day with no hour aggregated yet.
    const [early] = await powerOverview(db, testActor(f.org.id, 'OWNER', userId).scope, new Date('2026-03-11T05:30:00Z'));
    expect(early).toMatchObject({ todayWh: 0, todayCostCents: null, todayLastHour: null });
    const client = testActor(f.org.id, 'CLIENT', userId);
    const [mine] = await powerOverview(db, { ...client.scope, customers: [f.a.id] }, new Date('2026-03-10T20:30:00Z'));
    // Customer A's m1 and m2: 1,200 + 2,000 Wh today, and no cost for a client.
    expect(mine).toMatchObject({ todayWh: 3_200, todayCostCents: null, monthCostCents: null });
  });
});
