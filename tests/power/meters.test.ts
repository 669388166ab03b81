import { signedIn } from '../helpers/signed-in';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { aggregatePowerHours } from '@/db/queries/power/aggregate';
import { reconcileMonth } from '@/db/queries/power/meters';
import { meterReadings, minerModels, miners, powerHourly, telemetryHistory5min } from '@/db/schema';
import { createApiToken } from '@/lib/auth/api-tokens';
import type { Scope } from '@/lib/core/scope';
import { parseMeterCsv } from '@/lib/power/meter-csv';
import { testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeUser } from '../helpers/fixtures';
import { history, makePowerSite } from './power-fixture';

const push = await import('@/app/api/hosting/power/meter-readings/route');
const importCsv = await import('@/app/api/hosting/power/meter-readings/import/route');

let db: Db;
let drop: () => Promise<void>;
let f: Awaited<ReturnType<typeof makePowerSite>>;
let staff: Scope;
let token: string;
let userId: string;
const ctx = { params: Promise.resolve({}) };

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  f = await makePowerSite(db);
  staff = { orgId: f.org.id, sites: 'all', customers: 'all' };
  userId = (await makeUser(db, { orgId: f.org.id, role: 'OWNER' })).user.id;
  const created = await createApiToken(db, { orgId: f.org.id, userId }, 'meter');
  if (!created.ok) throw new Error('no token');
  token = created.token;
});
afterAll(() => drop());

describe('meter readings', () => {
  it('CSV: all rows or none, each bad line named', () => {
    expect(parseMeterCsv('meter_id,period_start,period_end,kwh\nM1,2026-03-10T18:00:00Z,2026-03-10T19:00:00Z,1.5\n')).toEqual([
      { meterId: 'M1', periodStart: new Date('2026-03-10T18:00:00Z'), periodEnd: new Date('2026-03-10T19:00:00Z'), energyWh: 1500 },
    ]);
    expect(() => parseMeterCsv('meter_id,period_start,period_end,kwh\nM1,2026-03-10T18:00:00,2026-03-10T19:00:00Z,1\nM1,2026-03-10T19:00:00Z,2026-03-10T18:00:00Z,1\n,2026-03-10T18:00:00Z,2026-03-10T19:00:00Z,1\nM2,2026-03-10T18:00:00Z,2026-03-10T19:00:00Z,-1'))
      .toThrow(expect.objectContaining({ code: 'VALIDATION', details: { rows: { '2': 'period', '3': 'period', '4': 'meter_id', '5': 'energy' } } }));
    expect(() => parseMeterCsv('meter,kwh\nM1,1')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('the push API takes a personal API token; a re-sent interval replaces the earlier one', async () => {
    const send = (body: unknown, auth = `Bearer ${token}`) => push.POST(new Request('http://app.test/api/hosting/power/meter-readings', { method: 'POST', headers: { authorization: auth }, body: JSON.stringify(body) }), ctx);
    const readings = [{ meterId: 'MAIN', periodStart: '2026-03-10T18:00:00Z', periodEnd: '2026-03-10T19:00:00Z', kwh: 1 }, { meterId: 'MAIN', periodStart: '2026-03-10T19:00:00Z', periodEnd: '2026-03-10T20:00:00Z', kwh: 4.5 }];
    expect(await (await send({ siteId: f.site.id, readings })).json()).toEqual({ stored: 2 });
    expect(await (await send({ siteId: f.site.id, readings: [{ ...readings[0], kwh: 0.6 }] })).json()).toEqual({ stored: 1 });
    expect((await db.select().from(meterReadings).where(eq(meterReadings.siteId, f.site.id))).map((r) => [r.energyWh, r.source]).sort()).toEqual([[4500, 'api'], [600, 'api']].sort());
    expect((await send({ siteId: f.site.id, readings }, 'Bearer hi_wrong')).status).toBe(401);
    expect((await send({ siteId: f.site.id, readings: [{ ...readings[0], periodEnd: '2026-03-10T17:00:00Z' }] })).status).toBe(400);
  });

  it('CSV import by staff; a client is refused', async () => {
    const csv = 'meter_id,period_start,period_end,kwh\nPDU-1,2026-03-10T18:00:00Z,2026-03-10T19:00:00Z,0.2\n';
    const post = () => importCsv.POST(new Request(`http://app.test/api/hosting/power/meter-readings/import?siteId=${f.site.id}`, { method: 'POST', body: csv }), ctx);
    signedIn.actor = testActor(f.org.id, 'OWNER', userId);
    expect(await (await post()).json()).toEqual({ stored: 1 });
    const client = testActor(f.org.id, 'CLIENT', userId);
    signedIn.actor = { ...client, scope: { ...client.scope, customers: [f.a.id] } };
    expect((await post()).status).toBe(403);
  });

  it('nameplate × uptime when a miner reports no power, and the reconciliation: meter vs miners → losses and PUE', async () => {
    const [m1, , m3] = f.miners;
    await history(db, m1!, '2026-03-10T19:00:00Z', 12, 1000);
    await history(db, m3!, '2026-03-10T19:00:00Z', 12, 1000, 0.5);
    await db.update(telemetryHistory5min).set({ powerAvgW: null }).where(eq(telemetryHistory5min.minerId, m3!.id));
    const [model] = await db.select({ w: minerModels.powerW }).from(minerModels).innerJoin(miners, eq(miners.modelId, minerModels.id)).where(eq(miners.id, m3!.id));
    await aggregatePowerHours(db, f.site.id, new Date('2026-03-10T19:00:00Z'), new Date('2026-03-10T20:00:00Z'));
    const [h] = await db.select().from(powerHourly).where(eq(powerHourly.siteId, f.site.id));
    // m1: 1 kWh measured; m3: its nameplate for half the hour.
    expect([h!.energyWh, h!.source]).toEqual([1000 + Math.round(model!.w * 0.5), 'mixed']);
    const r = await reconcileMonth(db, staff, f.site.id, '2026-03');
    // Meters: MAIN 0.6 + 4.5 kWh and PDU-1 0.2 kWh.
    expect(r).toMatchObject({ meterWh: 5300, meters: 2, minersWh: h!.energyWh, lossesWh: 5300 - h!.energyWh, pue: Math.round((5300 / h!.energyWh) * 1000) / 1000 });
  });
});
