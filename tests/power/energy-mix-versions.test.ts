import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { aggregatePowerHours } from '@/db/queries/power/aggregate';
import { saveSiteEnergyMix, siteEnergyMixes } from '@/db/queries/power/energy-mix';
import { carbonByMonth } from '@/db/queries/power/reports';
import { auditLog, powerDaily, powerHourly, siteEnergyMix } from '@/db/schema';
import { testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeUser } from '../helpers/fixtures';
import { history, makePowerSite } from './power-fixture';

/*
 * An energy mix is effective-dated: an edit adds a version from a future site-local midnight, each
 * hour's CO₂ uses the version in force at its start, and what was aggregated before keeps its figure.
 * The fixture site is in Chicago (CDT, UTC−5, in April) and 100 % hydro (0.024 kg/kWh) until a mix is stored.
 */

let db: Db;
let drop: () => Promise<void>;
let f: Awaited<ReturnType<typeof makePowerSite>>;
let userId: string;
const owner = () => testActor(f.org.id, 'OWNER', userId).scope;
const hourRows = () => db.select({ hour: powerHourly.hour, wh: powerHourly.energyWh, co2: powerHourly.co2G }).from(powerHourly).where(eq(powerHourly.siteId, f.site.id)).orderBy(asc(powerHourly.hour));

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  f = await makePowerSite(db);
  userId = (await makeUser(db, { orgId: f.org.id, role: 'OWNER' })).user.id;
  // m3 at 1 kW through 2026-04-10 04:00Z–06:00Z: 23:00 CDT on the 9th and 00:00 CDT on the 10th, 1,000 Wh each.
  await history(db, f.miners[2]!, '2026-04-10T04:00:00Z', 24, 1000);
});
afterAll(() => drop());

describe('effective-dated energy mix', () => {
  it('v1 (60 % hydro, 40 % coal) from 2026-04-01; v2 (100 % coal) from 2026-04-10: the hour before and after the change', async () => {
    const v1 = { siteId: f.site.id, mix: [{ source: 'hydro' as const, shareBp: 6_000 }, { source: 'coal' as const, shareBp: 4_000 }] };
    await saveSiteEnergyMix(db, owner(), userId, { ...v1, effectiveDate: '2026-04-01' }, new Date('2026-03-20T12:00:00Z'));
    // Saved on 2026-04-09 at 10:00 CDT with no date: from the next local midnight, 2026-04-10 00:00 CDT = 05:00Z.
    const r = await saveSiteEnergyMix(db, owner(), userId, { siteId: f.site.id, mix: [{ source: 'coal', shareBp: 10_000 }] }, new Date('2026-04-09T15:00:00Z'));
    expect(r.effectiveFrom.toISOString()).toBe('2026-04-10T05:00:00.000Z');
    await aggregatePowerHours(db, f.site.id, new Date('2026-04-10T04:00:00Z'), new Date('2026-04-10T06:00:00Z'));
    // By hand: v1 factor 0.6 × 0.024 + 0.4 × 0.82 = 0.0144 + 0.328 = 0.3424 kg/kWh → 1,000 Wh = 342.4 g → 342 g;
    // v2 factor 0.82 → 820 g.
    expect((await hourRows()).map((h) => [h.hour.toISOString(), h.wh, h.co2])).toEqual([
      ['2026-04-10T04:00:00.000Z', 1_000, 342],
      ['2026-04-10T05:00:00.000Z', 1_000, 820],
    ]);
  });

  it('reads the mix in force at an instant and the next scheduled version', async () => {
    const [before] = await siteEnergyMixes(db, owner(), new Date('2026-04-09T15:00:00Z'));
    expect(before).toMatchObject({ stored: true, mix: [{ source: 'hydro', shareBp: 6_000 }, { source: 'coal', shareBp: 4_000 }], since: new Date('2026-04-01T05:00:00Z'), next: { effectiveFrom: new Date('2026-04-10T05:00:00Z'), mix: [{ source: 'coal', shareBp: 10_000 }] } });
    const [after] = await siteEnergyMixes(db, owner(), new Date('2026-04-10T05:00:00Z'));
    expect(after).toMatchObject({ mix: [{ source: 'coal', shareBp: 10_000 }], next: null });
    const [never] = await siteEnergyMixes(db, owner(), new Date('2026-03-01T00:00:00Z'));
    expect(never).toMatchObject({ stored: false, mix: [{ source: 'hydro', shareBp: 10_000 }], since: null });
  });

  it('refuses today or a past day (it would rewrite history), replaces a version not yet in force, and audits each edit', async () => {
    const at = new Date('2026-04-12T15:00:00Z'); // 10:00 CDT on the 12th
    for (const effectiveDate of ['2026-04-12', '2026-04-05']) {
      await expect(saveSiteEnergyMix(db, owner(), userId, { siteId: f.site.id, mix: [{ source: 'wind', shareBp: 10_000 }], effectiveDate }, at)).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { effectiveDate: 'past' } });
    }
    await saveSiteEnergyMix(db, owner(), userId, { siteId: f.site.id, mix: [{ source: 'wind', shareBp: 10_000 }], effectiveDate: '2026-05-01' }, at);
    await saveSiteEnergyMix(db, owner(), userId, { siteId: f.site.id, mix: [{ source: 'solar', shareBp: 10_000 }], effectiveDate: '2026-05-01' }, at);
    const stored = await db.select({ from: siteEnergyMix.effectiveFrom, source: siteEnergyMix.source }).from(siteEnergyMix).where(eq(siteEnergyMix.siteId, f.site.id)).orderBy(asc(siteEnergyMix.effectiveFrom), asc(siteEnergyMix.source));
    expect(stored.map((s) => [s.from.toISOString().slice(0, 10), s.source])).toEqual([
      ['2026-04-01', 'hydro'], // the energy_source enum's order
      ['2026-04-01', 'coal'],
      ['2026-04-10', 'coal'],
      ['2026-05-01', 'solar'],
    ]);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityId, f.site.id), eq(auditLog.action, 'power.energy-mix.update'))).orderBy(asc(auditLog.createdAt));
    expect(audits).toHaveLength(4);
    expect(audits[1]).toMatchObject({ before: { effectiveFrom: '2026-04-01T05:00:00.000Z' }, after: { mix: [{ source: 'coal', shareBp: 10_000 }], effectiveFrom: '2026-04-10T05:00:00.000Z' } });
    // Re-aggregating after the edits leaves the April hours as they were.
    await aggregatePowerHours(db, f.site.id, new Date('2026-04-10T04:00:00Z'), new Date('2026-04-10T06:00:00Z'));
    expect((await hourRows()).map((h) => h.co2)).toEqual([342, 820]);
  });

  it('carbon by month splits each local day by the version in force that day', async () => {
    const key = { siteId: f.site.id, orgId: f.org.id, whPeak: 0, whShoulder: 0, whFlat: 0, costMc: 0, avgW: 0, peakW: 0, co2G: 0, minerCount: 1, buckets: 288, source: 'telemetry' };
    // 10 kWh on the 9th (v1) and 10 kWh on the 10th (v2).
    await db.insert(powerDaily).values([
      { ...key, day: '2026-04-09', energyWh: 10_000, whOffPeak: 10_000 },
      { ...key, day: '2026-04-10', energyWh: 10_000, whOffPeak: 10_000 },
    ]);
    const rows = await carbonByMonth(db, owner(), { by: 'site', fromMonth: '2026-04', toMonth: '2026-04' });
    // By hand: coal 4 kWh (9th) + 10 kWh (10th) = 14 kWh × 0.82 = 11,480 g; hydro 6 kWh × 0.024 = 144 g.
    expect(rows.map((r) => [r.source, r.energyWh, r.co2G])).toEqual([
      ['coal', 14_000, 11_480],
      ['hydro', 6_000, 144],
    ]);
  });
});
