import { signedIn } from '../helpers/signed-in';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { aggregatePowerDays, aggregatePowerHours } from '@/db/queries/power/aggregate';
import { refreshMeteredHours } from '@/db/queries/power/meter-refresh';
import { type MeterReading, upsertMeterReadings } from '@/db/queries/power/meters';
import { reconcileSite } from '@/db/queries/power/reconcile';
import { meterReadings, minerModels, miners, powerDaily, powerHourly, telemetryHistory5min } from '@/db/schema';
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
let nameplateW: number;
const ctx = { params: Promise.resolve({}) };
const at = (iso: string) => new Date(`2026-03-10T${iso}Z`);
const reading = (meterId: string, kind: 'site' | 'pdu', from: string, to: string, energyWh: number): MeterReading => ({ meterId, kind, periodStart: at(from), periodEnd: at(to), energyWh });
const send = (body: unknown, auth = `Bearer ${token}`) =>
  push.POST(new Request('http://app.test/api/hosting/power/meter-readings', { method: 'POST', headers: { authorization: auth }, body: JSON.stringify(body) }), ctx);
const day10 = async () => (await db.select().from(powerDaily).where(and(eq(powerDaily.siteId, f.site.id), eq(powerDaily.day, '2026-03-10'))))[0];
const hourRow = async (iso: string) => (await db.select().from(powerHourly).where(and(eq(powerHourly.siteId, f.site.id), eq(powerHourly.hour, at(iso)))))[0];

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  f = await makePowerSite(db);
  staff = { orgId: f.org.id, sites: 'all', customers: 'all' };
  userId = (await makeUser(db, { orgId: f.org.id, role: 'OWNER' })).user.id;
  const created = await createApiToken(db, { orgId: f.org.id, userId }, 'meter');
  if (!created.ok) throw new Error('no token');
  token = created.token;
  const [model] = await db.select({ w: minerModels.powerW }).from(minerModels).innerJoin(miners, eq(miners.modelId, minerModels.id)).where(eq(miners.id, f.miners[2]!.id));
  nameplateW = model!.w;
});
afterAll(() => drop());

describe('meter readings: parsing and the APIs', () => {
  it('CSV: all rows or none, each bad line named; kind defaults to site', () => {
    expect(parseMeterCsv('meter_id,period_start,period_end,kwh\nM1,2026-03-10T18:00:00Z,2026-03-10T19:00:00Z,1.5\n')).toEqual([
      { meterId: 'M1', kind: 'site', periodStart: new Date('2026-03-10T18:00:00Z'), periodEnd: new Date('2026-03-10T19:00:00Z'), energyWh: 1500 },
    ]);
    expect(parseMeterCsv('meter_id,kind,period_start,period_end,wh\nP1,PDU,2026-03-10T18:00:00+08:00,2026-03-10T18:15:00+08:00,250\n')[0]).toMatchObject({ kind: 'pdu', energyWh: 250 });
    const bad = [
      'meter_id,period_start,period_end,kwh,kind',
      'M1,2026-03-10T18:00:00,2026-03-10T19:00:00Z,1,', // no offset
      'M1,2026-03-10T19:00:00Z,2026-03-10T18:00:00Z,1,', // ends before it starts
      ',2026-03-10T18:00:00Z,2026-03-10T19:00:00Z,1,',
      'M2,2026-03-10T18:00:00Z,2026-03-10T19:00:00Z,-1,',
      'M3,2026-03-10T18:00:00Z,2026-03-10T19:00:00Z,1,rack',
      'M4,2026-03-10T18:00:00Z,2026-03-10T19:00:00Z,1,site',
      'M4,2026-03-10T18:30:00Z,2026-03-10T19:00:00Z,1,site', // the same meter and end again
    ].join('\n');
    expect(() => parseMeterCsv(bad)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', details: { rows: { '2': 'period', '3': 'period', '4': 'meter_id', '5': 'energy', '6': 'kind', '8': 'duplicate' } } }),
    );
    expect(() => parseMeterCsv('meter,kwh\nM1,1')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('the push API takes a personal API token; a bad reading is a 400 naming it and stores nothing; a re-sent interval replaces the earlier one', async () => {
    const readings = [
      { meterId: 'API', periodStart: '2026-02-10T18:00:00Z', periodEnd: '2026-02-10T19:00:00Z', kwh: 1 },
      { meterId: 'API', periodStart: '2026-02-10T19:00:00Z', periodEnd: '2026-02-10T20:00:00Z', kwh: 4.5 },
    ];
    expect(await (await send({ siteId: f.site.id, readings })).json()).toEqual({ stored: 2, reaggregatedHours: 2, pending: false });
    expect(await (await send({ siteId: f.site.id, readings: [{ ...readings[0], kwh: 0.6 }] })).json()).toEqual({ stored: 1, reaggregatedHours: 1, pending: false });
    const api = () => db.select().from(meterReadings).where(and(eq(meterReadings.siteId, f.site.id), eq(meterReadings.meterId, 'API')));
    expect((await api()).map((r) => [r.energyWh, r.source, r.kind]).sort()).toEqual([[4500, 'api', 'site'], [600, 'api', 'site']].sort());
    expect((await send({ siteId: f.site.id, readings }, 'Bearer hi_wrong')).status).toBe(401);
    const bad = await send({ siteId: f.site.id, readings: [{ ...readings[0], kwh: 9 }, { ...readings[1], periodEnd: '2026-02-10T17:00:00Z' }, readings[1], { ...readings[1], kind: 'rack' }] });
    expect(bad.status).toBe(400);
    const { error } = await bad.json();
    expect(error.fields).toEqual({ 'readings.1.periodEnd': 'invalid', 'readings.3.kind': 'invalid' });
    // Nothing of the bad batch was stored, not even its good first reading.
    expect((await api()).map((r) => r.energyWh).sort()).toEqual([4500, 600].sort());
    const dup = await send({ siteId: f.site.id, readings: [readings[1], { ...readings[1], kwh: 2 }] });
    expect([dup.status, (await dup.json()).error.fields]).toEqual([400, { 'readings.1.periodEnd': 'invalid' }]);
    await db.delete(meterReadings).where(eq(meterReadings.meterId, 'API'));
    await db.delete(powerHourly).where(eq(powerHourly.siteId, f.site.id));
  });

  it('CSV import by staff, a bad line a 400 with its number; a client is refused', async () => {
    const post = (csv: string) => importCsv.POST(new Request(`http://app.test/api/hosting/power/meter-readings/import?siteId=${f.site.id}`, { method: 'POST', body: csv }), ctx);
    signedIn.actor = testActor(f.org.id, 'OWNER', userId);
    const bad = await post('meter_id,period_start,period_end,kwh\nCSV,2026-02-11T18:00:00Z,2026-02-11T19:00:00Z,0.2\nCSV,2026-02-11T19:00:00Z,2026-02-11T20:00:00Z,x\n');
    expect([bad.status, (await bad.json()).error.rows]).toEqual([400, { '3': 'energy' }]);
    expect(await (await post('meter_id,period_start,period_end,kwh\nCSV,2026-02-11T18:00:00Z,2026-02-11T19:00:00Z,0.2\n')).json()).toEqual({ stored: 1, reaggregatedHours: 1, pending: false });
    const client = testActor(f.org.id, 'CLIENT', userId);
    signedIn.actor = { ...client, scope: { ...client.scope, customers: [f.a.id] } };
    expect((await post('meter_id,period_start,period_end,kwh\n')).status).toBe(403);
    await db.delete(meterReadings).where(eq(meterReadings.meterId, 'CSV'));
    await db.delete(powerHourly).where(eq(powerHourly.siteId, f.site.id));
  });
});

describe('the hourly source: site meter, else PDU meters, else miner telemetry, else nameplate × uptime', () => {
  it('takes the first source that covers the whole hour, and keeps every source’s energy beside it', async () => {
    const [m1, , m3] = f.miners;
    // m1 draws 1,000 W from 15:00 to 21:00: 1,000 Wh an hour by telemetry.
    await history(db, m1!, '2026-03-10T15:00:00Z', 12 * 6, 1000);
    // 16:00: m1 is not there; m3 is online without a power reading, for half of each bucket.
    await db.delete(telemetryHistory5min).where(and(eq(telemetryHistory5min.minerId, m1!.id), eq(telemetryHistory5min.bucket, at('16:00:00'))));
    await db.delete(telemetryHistory5min).where(and(eq(telemetryHistory5min.minerId, m1!.id), eq(telemetryHistory5min.bucket, at('16:05:00'))));
    await history(db, m3!, '2026-03-10T16:00:00Z', 12, 0, 0.5);
    await db.update(telemetryHistory5min).set({ powerAvgW: null }).where(eq(telemetryHistory5min.minerId, m3!.id));
    await upsertMeterReadings(
      db,
      staff,
      f.site.id,
      [
        reading('MAIN', 'site', '17:00:00', '17:30:00', 600), // 17:00 in two halves: 1.3 kWh
        reading('MAIN', 'site', '17:30:00', '18:00:00', 700),
        reading('PDU-1', 'pdu', '18:00:00', '19:00:00', 1050), // 18:00: the PDU alone
        reading('MAIN', 'site', '19:00:00', '20:00:00', 1500), // 19:00 (14:00 CDT, peak at 12¢): both
        reading('PDU-1', 'pdu', '19:00:00', '20:00:00', 1100),
        reading('MAIN', 'site', '20:00:00', '20:30:00', 500), // 20:00: half an hour is not a metered hour
        reading('MAIN', 'site', '21:00:00', '22:00:00', 900), // 21:00: metered, and no telemetry at all
      ],
      'csv',
    );
    await aggregatePowerHours(db, f.site.id, at('15:00:00'), at('22:00:00'));
    const rows = await db.select().from(powerHourly).where(eq(powerHourly.siteId, f.site.id)).orderBy(asc(powerHourly.hour));
    const pick = (r: (typeof rows)[number]) => [r.hour.toISOString().slice(11, 16), r.source, r.energyWh, r.meterWh, r.pduWh, r.minersWh, r.costMc, r.minerCount];
    // 16:00 (11:00 CDT, off-peak): m1 for 10 buckets (10,000 W·bucket) and m3 at half its nameplate for 12: Wh = Σ W ÷ 12.
    const mixed = Math.round((10_000 + 6 * nameplateW) / 12);
    expect(rows.map(pick)).toEqual([
      ['15:00', 'telemetry', 1000, null, null, 1000, 4_000, 1], // 13:00 CDT off-peak: 1 kWh × 4¢
      ['16:00', 'mixed', mixed, null, null, mixed, Math.round(((10_000 + 6 * nameplateW) * 4_000) / 12_000), 2],
      ['17:00', 'meter', 1300, 1300, null, 1000, 5_200, 1],
      ['18:00', 'pdu', 1050, null, 1050, 1000, 4_200, 1],
      ['19:00', 'meter', 1500, 1500, 1100, 1000, 18_000, 1], // 1.5 kWh × 12¢
      ['20:00', 'telemetry', 1000, null, null, 1000, 12_000, 1],
      ['21:00', 'meter', 900, 900, null, 0, 10_800, 0],
    ]);
    // Re-running changes nothing.
    const before = rows.map((r) => [r.hour.getTime(), r.energyWh, r.source, r.updatedAt.getTime()]);
    await aggregatePowerHours(db, f.site.id, at('15:00:00'), at('22:00:00'));
    expect((await db.select().from(powerHourly).where(eq(powerHourly.siteId, f.site.id)).orderBy(asc(powerHourly.hour))).map((r) => [r.hour.getTime(), r.energyWh, r.source, r.updatedAt.getTime()])).toEqual(before);
  });

  it('a late reading re-aggregates its hour and its day, once; the same reading again leaves the same rows', async () => {
    await aggregatePowerDays(db, f.site.id, '2026-03-10', '2026-03-10');
    expect(await refreshMeteredHours(db, f.site.id)).toEqual({ hours: 0, more: false });
    const dayBefore = await day10();
    expect((await hourRow('15:00:00'))?.source).toBe('telemetry');
    const late = { siteId: f.site.id, readings: [{ meterId: 'MAIN', periodStart: '2026-03-10T15:00:00Z', periodEnd: '2026-03-10T16:00:00Z', kwh: 1.25 }] };
    expect(await (await send(late)).json()).toEqual({ stored: 1, reaggregatedHours: 1, pending: false });
    expect(await hourRow('15:00:00')).toMatchObject({ source: 'meter', energyWh: 1250, meterWh: 1250, minersWh: 1000, costMc: 5_000 });
    const dayAfter = await day10();
    expect(dayAfter!.energyWh - dayBefore!.energyWh).toBe(250);
    expect(await refreshMeteredHours(db, f.site.id)).toEqual({ hours: 0, more: false });
    // Re-sent unchanged: the hour is looked at again (the reading is newer) and comes out the same.
    const figures = (r: { energyWh: number; costMc: number; source: string } | undefined) => [r!.energyWh, r!.costMc, r!.source];
    expect(await (await send(late)).json()).toEqual({ stored: 1, reaggregatedHours: 1, pending: false });
    expect(figures(await hourRow('15:00:00'))).toEqual([1250, 5_000, 'meter']);
    expect(figures(await day10())).toEqual(figures(dayAfter));
  });
});

describe('reconciliation: meter against the sum of miners', () => {
  it('per day and in total over the metered hours: overhead, PUE, the split at the PDUs; billed against metered', async () => {
    const r = await reconcileSite(db, staff, { siteId: f.site.id, month: '2026-03' });
    // Metered hours: 15:00 (1,250 / 1,000), 17:00 (1,300 / 1,000), 19:00 (1,500 / 1,000, PDU 1,100), 21:00 (900 / 0).
    const minersAll = 1000 + (await hourRow('16:00:00'))!.minersWh + 1000 * 4;
    const day = { period: '2026-03-10', hours: 7, meteredHours: 4, meterWh: 4950, minersWh: minersAll, minersMeteredWh: 3000, pduWh: 1100, overheadWh: 1950, pue: 1.65, coolingWh: 400, lossesWh: 100 };
    expect(r.rows).toEqual([day]);
    expect(r.total).toEqual({ ...day, period: null });
    expect(r.billing).toMatchObject({ meterWh: 4950, meteredHours: 4, hours: 7, monthHours: 743, minersWh: minersAll, issuedWh: 0, draftBills: 0 });
    const byHour = await reconcileSite(db, staff, { siteId: f.site.id, month: '2026-03', day: '2026-03-10' });
    expect(byHour.rows.map((h) => [h.period, h.meterWh, h.pue])).toEqual([
      ['2026-03-10T15:00:00Z', 1250, 1.25],
      ['2026-03-10T16:00:00Z', null, null],
      ['2026-03-10T17:00:00Z', 1300, 1.3],
      ['2026-03-10T18:00:00Z', null, null],
      ['2026-03-10T19:00:00Z', 1500, 1.5],
      ['2026-03-10T20:00:00Z', null, null],
      ['2026-03-10T21:00:00Z', 900, null],
    ]);
  });
});
