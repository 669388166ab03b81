import { signedIn } from '../helpers/signed-in';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { upsertForecast } from '@/db/queries/forecast/forecasts';
import { loadPowerAdvice } from '@/db/queries/power/advice';
import { curtailmentWindows, miners, networkSnapshots, telemetryDaily } from '@/db/schema';
import { scheduleAdviceAction } from '@/lib/actions/power/schedule-advice';
import type { SeriesForecast } from '@/lib/domain/forecast/run-forecast';
import { testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

/*
 * A flat 0.05 USD/kWh site (5,000 m¢/kWh) with a 30 J/TH miner (3,000 W, 100 TH/s measured) and a
 * 17.5 J/TH one (3,500 W, 200 TH/s). Measured hashprice 30 USD/PH/day; the stored forecast says
 * 0.02 USD per TH/s per day (20 USD/PH/day) for tomorrow (UTC). Tomorrow is a whole 24-hour window:
 *   30 J/TH:   72,000 Wh × 5,000 m¢ / 10⁶ = 360 ¢ avoided; 0.1 PH × 20 × 1 day = 2 USD = 200 ¢ forgone → 160 ¢
 *   17.5 J/TH: 84,000 Wh → 420 ¢ avoided; 0.2 PH × 20 = 4 USD = 400 ¢ forgone → 20 ¢
 * At the measured 30 USD/PH/day (any other day) only the 30 J/TH miner loses money (revenue 0.1 × 30 = 3 USD/day).
 * The scheduled window's reduction is the advised miners' draw, 6,500 W → 6.5 kW.
 */
let db: Db;
let drop: () => Promise<void>;
let orgId = '';
let siteId = '';
let userId = '';
const today = new Date().toISOString().slice(0, 10);
const dayOffset = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000);
const tomorrow = dayOffset(1);
const scope = () => ({ orgId, sites: 'all' as const, customers: 'all' as const });

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  orgId = (await makeOrg(db)).id;
  siteId = (await makeSite(db, orgId)).id;
  userId = (await makeUser(db, { orgId, role: 'OPERATOR', siteIds: [siteId] })).user.id;
  const figures = [
    { name: 'S19-30J', powerW: 3000, hashrateThs: 100 },
    { name: 'S21-17J', powerW: 3500, hashrateThs: 200 },
  ];
  for (const f of figures) {
    const m = await makeMiner(db, { orgId, siteId });
    await db.update(miners).set({ name: f.name }).where(eq(miners.id, m.id));
    for (let d = 1; d <= 7; d++)
      await db.insert(telemetryDaily).values({ minerId: m.id, day: dayOffset(-d).toISOString().slice(0, 10), orgId, siteId, samples: 288, onlineRatio: 1, hashrateAvgThs: f.hashrateThs, powerAvgW: f.powerW, energyWh: f.powerW * 24, uptimeHours: 24 });
  }
  await db.insert(networkSnapshots).values({ bucketStart: new Date(Date.now() - 300_000), btcPriceUsd: '90000', difficulty: '1', networkHashrateHs: '1', hashpriceBtcPerPhDay: '0.0003', hashpriceUsdPerPhDay: '30', sources: {} });
  const point = { t: tomorrow.toISOString().slice(0, 10), value: null, median: 0.02, lo80: 0.018, hi80: 0.022, lo95: 0.016, hi95: 0.024 };
  await upsertForecast(db, { series: 'revenue', day: today, source: 'test', result: { series: 'revenue', points: [point] } as unknown as SeriesForecast });
});
afterAll(async () => drop?.());

describe('power-optimisation advice', () => {
  it('uses the forecast for tomorrow and the measured hashprice elsewhere, with the hand-checked savings', async () => {
    const advice = await loadPowerAdvice(db, scope(), siteId, new Date());
    expect(advice.miners).toBe(2);
    const day = advice.windows.find((w) => w.start.getTime() === tomorrow.getTime())!;
    expect(day.end.getTime() - day.start.getTime()).toBe(86_400_000);
    expect(day.source).toEqual({ kind: 'forecast', day: tomorrow.toISOString().slice(0, 10), storedOn: today });
    expect(day.miners.map((m) => [m.name, m.costAvoidedCents, m.revenueForgoneCents, m.savingCents])).toEqual([
      ['S19-30J', 360, 200, 160],
      ['S21-17J', 420, 400, 20],
    ]);
    expect(day).toMatchObject({ shedW: 6500, savingCents: 180, hashpriceUsdPerPhDay: 20 });
    for (const w of advice.windows.filter((x) => x !== day)) {
      expect(w.source.kind).toBe('measured');
      expect(w.miners.map((m) => m.name)).toEqual(['S19-30J']);
    }
  });

  it('one click stores a scheduled window of the advised reduction; clients and stale windows are refused', async () => {
    signedIn.actor = testActor(orgId, 'CLIENT', userId);
    expect(await scheduleAdviceAction({ siteId, startsAt: tomorrow.toISOString() })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    signedIn.actor = testActor(orgId, 'OPERATOR', userId, [siteId]);
    expect(await scheduleAdviceAction({ siteId, startsAt: new Date(tomorrow.getTime() + 3_600_000).toISOString() })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await scheduleAdviceAction({ siteId, startsAt: tomorrow.toISOString() })).toMatchObject({ ok: true });
    const [w] = await db.select().from(curtailmentWindows).where(eq(curtailmentWindows.siteId, siteId));
    expect(w).toMatchObject({ kind: 'scheduled', strategy: 'optimal', targetKind: 'reduction', targetKw: '6.500', startsAt: tomorrow, endsAt: dayOffset(2) });
  });
});
