import { signedIn } from '../helpers/signed-in';
import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { insertWebhookChannel } from '@/db/queries/alerts/notification-channels';
import { listPowerAlerts, savePowerAlertChannels } from '@/db/queries/power/alerts';
import { meterReadings, minerModels, minerTelemetryLive, notificationDeliveries, powerAlerts, powerHourly, sites, siteTariffs } from '@/db/schema';
import { env } from '@/lib/env';
import { createNotifier, sealSecret } from '@/lib/integrations/notify';
import { testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { startFakeWebhook } from '../helpers/fake-webhook';
import { makeUser } from '../helpers/fixtures';
import { testJobs } from '../helpers/jobs';
import { makePowerSite } from './power-fixture';

const route = await import('@/app/api/hosting/power/alerts/route');

const HOOK_SECRET = 'whsec_power_alerts_0123456789abcdef';
let db: Db;
let drop: () => Promise<void>;
let hook: Awaited<ReturnType<typeof startFakeWebhook>>;
let notifier: ReturnType<typeof createNotifier>;
let f: Awaited<ReturnType<typeof makePowerSite>>;
let ownerId: string;

/** An hourly aggregate row as the hourly job writes it, all off-peak. */
const hourRow = (siteId: string, orgId: string, hour: string, energyWh: number, peakW = energyWh) => ({
  siteId,
  orgId,
  hour: new Date(hour),
  energyWh,
  whPeak: 0,
  whShoulder: 0,
  whOffPeak: energyWh,
  whFlat: 0,
  costMc: energyWh * 4,
  avgW: energyWh,
  peakW,
  co2G: Math.round(energyWh * 0.024),
  minerCount: 3,
  buckets: 12,
  source: 'telemetry',
});

// 13:35 CDT on Tuesday 31 March 2026 (UTC−5): the hour judged is 12:00–13:00 CDT (17:00Z), the peak
// window (14:00 local) starts 25 minutes ahead.
const NOW = '2026-03-31T18:35:00Z';
const run = async (now: string) => {
  const r = await new InngestTestEngine({ function: testJobs({ db, now: () => new Date(now), notifier }).jobs.powerAlerts }).execute();
  expect(r.error).toBeUndefined();
  return r.result as { raised: number; orgs: number; sent: number };
};

beforeAll(async () => {
  process.env.AUTH_SECRET ??= 'power-alerts-test-secret-0123456789abcdef';
  ({ db, drop } = await createTestDb());
  hook = await startFakeWebhook(HOOK_SECRET);
  f = await makePowerSite(db);
  ownerId = (await makeUser(db, { orgId: f.org.id, role: 'OWNER' })).user.id;
  await db.update(sites).set({ contractedKw: 100 }).where(eq(sites.id, f.site.id));
  const { id, orgId } = f.site;

  // The baseline: 12:00–13:00 local on the four Tuesdays before — 24, 17 and 10 March in CDT (17:00Z)
  // and 3 March, before the 8 March DST change, in CST (18:00Z). 100, 104, 98, 102 kWh: median 101,
  // MAD 2 → threshold max(3 × 1.4826 × 2, 10 % × 101) = 10.1 kWh. The judged hour used 120 kWh.
  // A decoy at 17:00Z on 3 March (11:00 CST) would be the baseline if weeks were counted in UTC.
  await db.insert(powerHourly).values([
    hourRow(id, orgId, '2026-03-03T18:00:00Z', 100_000, 90_000),
    hourRow(id, orgId, '2026-03-03T17:00:00Z', 5_000_000, 90_000),
    hourRow(id, orgId, '2026-03-10T17:00:00Z', 104_000, 90_000),
    hourRow(id, orgId, '2026-03-17T17:00:00Z', 98_000, 90_000),
    hourRow(id, orgId, '2026-03-24T17:00:00Z', 102_000, 90_000),
    // This month's peak, 120 kW, past the 100 kW contract.
    hourRow(id, orgId, '2026-03-31T17:00:00Z', 120_000, 120_000),
  ]);
  // Drawing 90 % of the three miners' rated power now.
  const [model] = await db.select({ powerW: minerModels.powerW }).from(minerModels).limit(1);
  const collectedAt = new Date('2026-03-31T18:33:00Z');
  await db.insert(minerTelemetryLive).values(f.miners.map((m) => ({ minerId: m.id, orgId, siteId: id, collectedAt, online: true, powerW: model!.powerW * 0.9 })));
  // A tariff change in four days; a meter silent since 14:00Z (4 h 35 min).
  await db.insert(siteTariffs).values({ orgId, siteId: id, effectiveFrom: new Date('2026-04-04T05:00:00Z'), kind: 'flat', ratesMcPerKwh: { flat: 6_000 } });
  await db.insert(meterReadings).values({ siteId: id, orgId, meterId: 'main', periodStart: new Date('2026-03-31T13:45:00Z'), periodEnd: new Date('2026-03-31T14:00:00Z'), energyWh: 25_000, source: 'api' });

  const channel = (await insertWebhookChannel(db, { orgId, userId: ownerId }, { label: 'Power hook', url: hook.url('/power'), secretEnc: sealSecret(HOOK_SECRET, env().authSecret) }))!;
  await savePowerAlertChannels(db, testActor(orgId, 'OWNER', ownerId).scope, ownerId, [channel]);
  notifier = createNotifier({ webhook: { backoffMs: 2, timeoutMs: 500, allowPrivateNetworks: true } });
});
afterAll(async () => {
  await hook.close();
  await drop();
});

describe('power-alerts job', () => {
  it('raises each alert once, keyed by what it is about, and sends each to the chosen channel', async () => {
    expect(await run(NOW)).toEqual({ raised: 5, orgs: 1, sent: 5 });
    const rows = await db.select().from(powerAlerts).where(eq(powerAlerts.siteId, f.site.id));
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r]));
    expect(Object.fromEntries(rows.map((r) => [r.kind, r.period]))).toEqual({
      peak_warning: '2026-03-31T19:00:00.000Z',
      abnormal_consumption: '2026-03-31T17:00:00.000Z',
      contract_exceeded: '2026-03',
      rate_change: '2026-04-04T05:00:00.000Z',
      meter_gap: '2026-03-31T14:00:00.000Z',
    });
    expect(byKind.abnormal_consumption!.detail).toEqual({ hour: '2026-03-31T17:00:00.000Z', energyWh: 120_000, medianWh: 101_000, madWh: 2_000, thresholdWh: 10_100, direction: 'high', samples: 4 });
    expect(byKind.contract_exceeded!.detail).toMatchObject({ peakW: 120_000, contractedW: 100_000 });
    expect(rows.every((r) => r.notifiedAt !== null)).toBe(true);
    const bodies = hook.received.map((h) => JSON.parse(h.body) as { kind: string; text?: string; data: { kind: string } });
    expect(hook.received.every((h) => h.signatureValid)).toBe(true);
    expect(bodies.map((b) => b.kind).sort()).toEqual(['power.abnormal_consumption', 'power.contract_exceeded', 'power.meter_gap', 'power.peak_warning', 'power.rate_change']);
  });

  it('a second run raises and sends nothing new; nor does the next tick before the same peak window', async () => {
    const deliveries = (await db.select().from(notificationDeliveries)).length;
    expect(await run(NOW)).toEqual({ raised: 0, orgs: 0, sent: 0 });
    expect(await run('2026-03-31T18:50:00Z')).toEqual({ raised: 0, orgs: 0, sent: 0 });
    expect(await db.select().from(notificationDeliveries)).toHaveLength(deliveries);
    expect(hook.received).toHaveLength(5);
  });

  it('GET /api/hosting/power/alerts lists them for staff; a client is refused', async () => {
    signedIn.db = db;
    signedIn.actor = testActor(f.org.id, 'OWNER', ownerId);
    const ctx = { params: Promise.resolve({}) };
    const res = await route.GET(new Request('http://app.test/api/hosting/power/alerts?kind=abnormal_consumption'), ctx);
    const body = await res.json();
    expect(body).toMatchObject({ total: 1, alerts: [{ kind: 'abnormal_consumption', site: f.site.name, severity: 'warning' }] });
    expect((await route.GET(new Request('http://app.test/api/hosting/power/alerts?kind=nope'), ctx)).status).toBe(400);
    signedIn.actor = { ...testActor(f.org.id, 'CLIENT', ownerId), scope: { orgId: f.org.id, sites: 'all', customers: [f.a.id] } };
    expect((await route.GET(new Request('http://app.test/api/hosting/power/alerts'), ctx)).status).toBe(403);
    expect(await listPowerAlerts(db, testActor(f.org.id, 'OWNER', ownerId).scope, {}, { page: 4, pageSize: 2 })).toMatchObject({ rows: [], total: 5, pageCount: 3 });
  });
});
