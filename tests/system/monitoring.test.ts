import { signedIn } from '../helpers/signed-in';
import { InngestTestEngine } from '@inngest/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { insertWebhookChannel } from '@/db/queries/alerts/notification-channels';
import { claimJobRun, finishJobRun } from '@/db/queries/system/job-runs';
import { collectorStats, databaseStats, integrationStats, recordIntegrationCall } from '@/db/queries/system/monitoring';
import { systemAlerts } from '@/db/schema';
import { jobSchedules } from '@/inngest/schedules';
import { scopeFor } from '@/lib/core/scope';
import { issueDeviceToken } from '@/lib/edge/devices';
import { buildEnvelope } from '@/lib/edge/envelope';
import { handleIngest } from '@/lib/edge/ingest/handle-ingest';
import { env } from '@/lib/env';
import { checkHealth } from '@/lib/health';
import { fetchText } from '@/lib/integrations/market/http';
import { createNotifier, sealSecret } from '@/lib/integrations/notify';
import { instanceMetrics, setExternalSink } from '@/lib/observability/metrics';
import { loadMonitoring } from '@/lib/system/monitoring';
import { testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { ingestRequest, reading } from '../edge/ingest-helpers';
import { startFakeWebhook } from '../helpers/fake-webhook';
import { makeOrg, makeSite, makeUser } from '../helpers/fixtures';
import { testJobs } from '../helpers/jobs';

const detailed = await import('@/app/api/health/detailed/route');
const plain = await import('@/app/api/health/route');

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let otherOrgId: string;
let ownerId: string;
let deviceId: string;
let token: string;
const HOOK_SECRET = 'whsec_system_alerts_0123456789abcdef';
let hook: Awaited<ReturnType<typeof startFakeWebhook>>;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= 'system-monitoring-test-secret-0123456789abcdef';
  ({ db, drop } = await createTestDb());
  orgId = (await makeOrg(db)).id;
  otherOrgId = (await makeOrg(db, 'Other')).id;
  ownerId = (await makeUser(db, { orgId, role: 'OWNER' })).user.id;
  const siteId = (await makeSite(db, orgId, 'Alpha')).id;
  const issued = await issueDeviceToken(db, { orgId, sites: 'all', customers: 'all' }, null, { siteId, name: 'rack-a' });
  ({ token } = issued);
  deviceId = issued.device.id;
  const otherSite = (await makeSite(db, otherOrgId, 'Beta')).id;
  await issueDeviceToken(db, { orgId: otherOrgId, sites: 'all', customers: 'all' }, null, { siteId: otherSite, name: 'other-org' });
  hook = await startFakeWebhook(HOOK_SECRET);
  await insertWebhookChannel(db, { orgId, userId: ownerId }, { label: 'Ops hook', url: hook.url('/system'), secretEnc: sealSecret(HOOK_SECRET, env().authSecret) });
});
afterAll(async () => {
  await hook.close();
  await drop();
});

describe('database figures', () => {
  it('measures a round trip and lists the largest tables, a partitioned one with its partitions', async () => {
    const s = await databaseStats(db, 1000);
    expect(s.latencyMs).toBeGreaterThan(0);
    expect(s.sizeBytes).toBeGreaterThan(0);
    const names = s.tables.map((t) => t.table);
    expect(names).toContain('miners');
    expect(names).toContain('telemetry_raw');
    // No partition appears on its own.
    expect(names.some((n) => /^telemetry_raw_\d/.test(n))).toBe(false);
    expect(s.tables.map((t) => t.bytes)).toEqual([...s.tables.map((t) => t.bytes)].sort((a, b) => b - a));
  });
});

describe('outside services per hour', () => {
  it('adds calls into their hour; a call older than 24 h keeps its last success but leaves the rate', async () => {
    const at = (iso: string) => new Date(iso);
    await recordIntegrationCall(db, { integration: 'api.example.test', at: at('2026-12-07T09:10:00Z'), ms: 100, ok: true, error: null });
    await recordIntegrationCall(db, { integration: 'api.example.test', at: at('2026-12-07T09:40:00Z'), ms: 300, ok: false, error: 'HTTP 503' });
    await recordIntegrationCall(db, { integration: 'api.example.test', at: at('2026-12-07T10:05:00Z'), ms: 200, ok: true, error: null });
    await recordIntegrationCall(db, { integration: 'old.example.test', at: at('2026-12-05T08:00:00Z'), ms: 50, ok: true, error: null });
    const stats = await integrationStats(db, at('2026-12-07T10:30:00Z'));
    const a = stats.find((s) => s.integration === 'api.example.test')!;
    // 3 calls, 1 failed: 33 %; mean (100 + 300 + 200) / 3 = 200 ms; slowest 300 ms.
    expect(a).toMatchObject({ calls24h: 3, errors24h: 1, meanMs24h: 200, maxMs24h: 300, lastError: 'HTTP 503' });
    expect(a.errorRate24h).toBeCloseTo(1 / 3, 9);
    expect(a.lastOkAt).toEqual(at('2026-12-07T10:05:00Z'));
    expect(a.lastErrorAt).toEqual(at('2026-12-07T09:40:00Z'));
    const old = stats.find((s) => s.integration === 'old.example.test')!;
    expect(old).toMatchObject({ calls24h: 0, errorRate24h: null, meanMs24h: null, lastOkAt: at('2026-12-05T08:00:00Z') });
  });

  it('fetchText reports each attempt by host only (never the path or query) to the installed sink', async () => {
    const seen: { integration: string; ok: boolean; error: string | null }[] = [];
    setExternalSink((c) => seen.push({ integration: c.integration, ok: c.ok, error: c.error }));
    let calls = 0;
    const server: Server = createServer((req, res) => {
      calls++;
      res.writeHead(calls === 1 ? 503 : 200).end('{"ok":true}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    try {
      expect(await fetchText(`http://127.0.0.1:${port}/v1/price?key=secret-key`, { retries: 1, backoffMs: 1 })).toBe('{"ok":true}');
    } finally {
      server.close();
      setExternalSink(null);
    }
    expect(seen).toEqual([
      { integration: `127.0.0.1:${port}`, ok: false, error: 'HTTP 503' },
      { integration: `127.0.0.1:${port}`, ok: true, error: null },
    ]);
    expect(JSON.stringify(instanceMetrics().externals)).not.toContain('secret-key');
  });
});

describe('collectors', () => {
  const at = '2026-12-07T10:00:30.000Z';
  const now = new Date('2026-12-07T10:01:00Z');
  const upload = () => buildEnvelope([reading(1, at), reading(2, at), reading(3, at)], { collectedAt: at, edgeVersion: '1.2.3', bufferDepth: 40 });

  it('counts uploads and readings per minute in the ingest statement; a resent upload counts as an upload, stores nothing new', async () => {
    expect((await handleIngest(db, ingestRequest(token, upload()), now)).status).toBe(200);
    expect((await handleIngest(db, ingestRequest(token, upload()), now)).status).toBe(200);
    const scope = scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] });
    const [c, ...rest] = await collectorStats(db, scope, new Date('2026-12-07T10:05:00Z'));
    expect(rest).toEqual([]); // the other organization's collector is not listed
    // 2 uploads × 3 readings = 6 readings over 15 minutes → 0.4 a minute.
    expect(c).toMatchObject({ deviceId, name: 'rack-a', site: 'Alpha', version: '1.2.3', bufferDepth: 40, uploads15m: 2, readingsPerMin15m: 0.4, revoked: false });
    // 20 minutes later the window is empty: no rate, not a rate of 0.
    const [later] = await collectorStats(db, scope, new Date('2026-12-07T10:20:00Z'));
    expect([later!.uploads15m, later!.readingsPerMin15m]).toEqual([0, null]);
  });
});

describe('uptime from one clock', () => {
  it('/api/health and the monitoring figures name the same start', async () => {
    const h = await checkHealth();
    expect(h.startedAt).toBe(instanceMetrics().startedAt.toISOString());
    const body = await (await plain.GET()).json();
    expect(body.startedAt).toBe(h.startedAt);
    expect(Math.abs(body.uptimeS - h.uptimeS)).toBeLessThanOrEqual(1);
    expect(h.uptimeS).toBeGreaterThan(0);
  });
});

describe('jobs against their schedules', () => {
  it('lists every function, run or not, and tells a late one from an on-time one', async () => {
    const now = new Date('2026-12-07T10:17:30Z');
    // power-alerts (*/5): its 10:15 tick ran 3 s late. telemetry-rollup-5min last ran for 10:05.
    const ran = async (fn: string, tick: string, started: string) => {
      const id = (await claimJobRun(db, { functionId: fn, trigger: 'cron', scheduledFor: new Date(tick), now: new Date(started) }))!;
      await finishJobRun(db, id, new Date(new Date(started).getTime() + 1000), null);
    };
    await ran('power-alerts', '2026-12-07T10:15:00Z', '2026-12-07T10:15:03Z');
    const schedules = jobSchedules();
    const rollup = schedules.find((s) => s.crons.includes('*/5 * * * *') && s.id !== 'power-alerts' && s.id !== 'system-health-check')!;
    await ran(rollup.id, '2026-12-07T10:05:00Z', '2026-12-07T10:05:01Z');
    const m = await loadMonitoring(db, scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] }), schedules, now);
    expect(m.jobs.map((j) => j.id).sort()).toEqual(schedules.map((s) => s.id).sort());
    expect(m.jobs.map((j) => j.id)).toContain('system-health-check');
    const pa = m.jobs.find((j) => j.id === 'power-alerts')!;
    expect([pa.health.state, pa.health.lagMs]).toEqual(['ok', 3000]);
    const late = m.jobs.find((j) => j.id === rollup.id)!;
    expect([late.health.state, late.health.overdueMs]).toEqual(['late', 150_000]);
    // The first logged run is 10:05: forecast-daily's 00:40 tick came before the scheduler is known to
    // run, so it waits for its first tick instead of reading 9 h late; power-hourly's 10:07 tick did not.
    expect(m.jobs.find((j) => j.id === 'forecast-daily')!.health).toMatchObject({ state: 'waiting', overdueMs: null });
    expect(m.jobs.find((j) => j.id === 'power-hourly')!.health).toMatchObject({ state: 'never', overdueMs: 630_000 });
  });
});

describe('system-health-check job', () => {
  const run = async (now: string) => {
    const notifier = createNotifier({ webhook: { backoffMs: 2, timeoutMs: 500, allowPrivateNetworks: true } });
    const r = await new InngestTestEngine({ function: testJobs({ db, now: () => new Date(now), notifier }).jobs.systemHealthCheck }).execute();
    expect(r.error).toBeUndefined();
    return r.result as { raised: number; sent: number };
  };

  it('raises findings once a day, sends the installation ones and its own collector to the owner; a re-run sends nothing', async () => {
    // 10:40: the collector last uploaded at 10:01 (39 min: a warning); jobs that never ran are late.
    const first = await run('2026-12-07T10:40:00Z');
    expect(first.raised).toBeGreaterThan(0);
    const rows = await db.select().from(systemAlerts);
    const silent = rows.find((r) => r.kind === 'collector_silent')!;
    expect(silent).toMatchObject({ subject: deviceId, orgId, severity: 'warning', period: '2026-12-07', detail: { name: 'rack-a', silentMin: 39 } });
    // The other organization's collector never uploaded: a setup step, not an outage.
    expect(rows.filter((r) => r.kind === 'collector_silent')).toHaveLength(1);
    expect(rows.some((r) => r.kind === 'job_late' && r.subject === 'power-hourly')).toBe(true);
    expect(rows.every((r) => r.notifiedAt !== null)).toBe(true);
    expect(first.sent).toBe(rows.length);
    const bodies = hook.received.map((h) => JSON.parse(h.body) as { kind: string });
    expect(bodies.map((b) => b.kind)).toContain('system.collector_silent');
    expect(hook.received.every((h) => h.signatureValid)).toBe(true);

    const again = await run('2026-12-07T10:45:00Z');
    expect(again).toEqual({ raised: 0, sent: 0 });
    expect(hook.received).toHaveLength(first.sent);
  });
});

describe('GET /api/health/detailed', () => {
  const ctx = { params: Promise.resolve({}) };
  it('answers owners and admins; 401 without a session, 403 for an operator', async () => {
    signedIn.db = db;
    signedIn.actor = null;
    expect((await detailed.GET(new Request('http://app.test/api/health/detailed'), ctx)).status).toBe(401);
    signedIn.actor = testActor(orgId, 'OPERATOR', ownerId);
    expect((await detailed.GET(new Request('http://app.test/api/health/detailed'), ctx)).status).toBe(403);
    signedIn.actor = testActor(orgId, 'ADMIN', ownerId);
    const res = await detailed.GET(new Request('http://app.test/api/health/detailed'), ctx);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.startedAt).toBe((await checkHealth()).startedAt);
    expect(body.collectors.map((c: { name: string }) => c.name)).toEqual(['rack-a']);
    expect(body.jobs.length).toBe(jobSchedules().length);
    expect(JSON.stringify(body)).not.toMatch(/secret|token_hash|signing/i);
    // The route timed itself for the monitoring page.
    expect(instanceMetrics().routes.find((r) => r.route === '/api/health/detailed')?.requests).toBeGreaterThanOrEqual(3);
  });
});

afterAll(async () => {
  await db.delete(systemAlerts).where(eq(systemAlerts.orgId, otherOrgId));
});
