import { gzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '@/db/client';
import { revokeDeviceToken } from '@/db/queries/edge/devices';
import { issueDeviceToken } from '@/lib/edge/devices';
import { edgeDevices, edgeDiscoveredMiners, miners, minerTelemetryLive, rateLimitBuckets } from '@/db/schema';
import { buildEnvelope } from '@/lib/edge/envelope';
import { handleIngest } from '@/lib/edge/ingest/handle-ingest';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite } from '../helpers/fixtures';
import { ingestRequest, reading } from './ingest-helpers';

let db: Db;
let drop: () => Promise<void>;
let tokenA: string;
let tokenB: string;
let siteA: string;
let siteB: string;
let orgId: string;
const now = new Date('2026-11-22T05:30:00Z');
const at = '2026-11-22T05:29:00.000Z';

const envelope = (n: number, when = at, from = 0) =>
  buildEnvelope(Array.from({ length: n }, (_, i) => reading(from + i, when)), { collectedAt: when, edgeVersion: '1.0.0', bufferDepth: 0 });
const rawCount = async () => (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from telemetry_raw`))[0]!.n;
const rawDigest = async () =>
  (await queryRows<{ d: string }>(db, sql`select md5(coalesce(string_agg(t::text, '|' order by miner_id, collected_at), '')) as d from telemetry_raw t`))[0]!.d;
const post = (req: Request, when = now) => handleIngest(db, req, when);

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const org = await makeOrg(db);
  orgId = org.id;
  siteA = (await makeSite(db, org.id, 'Site A')).id;
  siteB = (await makeSite(db, org.id, 'Site B')).id;
  const scope = { orgId, sites: 'all' as const, customers: 'all' as const };
  tokenA = (await issueDeviceToken(db, scope, null, { siteId: siteA, name: 'collector A' })).token;
  tokenB = (await issueDeviceToken(db, scope, null, { siteId: siteB, name: 'collector B' })).token;
});
afterAll(async () => drop());

describe('POST /api/edge/v1/telemetry/ingest', () => {
  it('stores an upload, creates unknown miners as discovered, answers with the REFERENCE §6 fields', async () => {
    const res = await post(ingestRequest(tokenA, envelope(20)));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ status: 'ok', received: 20, processed: 20, online: 20, offline: 0, inserted: 20, updated: 0, errors: [] });
    expect(await rawCount()).toBe(20);
    const created = await db.select().from(miners).where(eq(miners.siteId, siteA));
    expect(created).toHaveLength(20);
    expect(await db.select().from(edgeDiscoveredMiners)).toHaveLength(20);
    const [device] = await db.select().from(edgeDevices).where(eq(edgeDevices.siteId, siteA));
    expect(device!.lastSeenAt?.toISOString()).toBe(now.toISOString());
    expect(device!.version).toBe('1.0.0');
    expect(device!.lagS).toBe(60);
    expect(await db.select().from(minerTelemetryLive)).toHaveLength(20);
  });

  it('is idempotent: the same gzip envelope ten times leaves the same rows', async () => {
    const before = await rawDigest();
    for (let i = 0; i < 10; i++) {
      const res = await post(ingestRequest(tokenA, envelope(20), { gzip: true }));
      expect(await res.json()).toMatchObject({ inserted: 0, updated: 20, processed: 20 });
    }
    expect(await rawCount()).toBe(20);
    expect(await rawDigest()).toBe(before);
    expect(await db.select().from(miners).where(eq(miners.siteId, siteA))).toHaveLength(20);
  });

  it('keeps the newest reading live when an older one is replayed', async () => {
    await post(ingestRequest(tokenA, envelope(1, '2026-11-22T05:29:30.000Z')));
    await post(ingestRequest(tokenA, envelope(1, '2026-11-22T05:20:00.000Z')));
    const [live] = await db.select().from(minerTelemetryLive).orderBy(sql`${minerTelemetryLive.collectedAt} desc`).limit(1);
    expect(live!.collectedAt.toISOString()).toBe('2026-11-22T05:29:30.000Z');
  });

  it('refuses a wrong, missing or revoked token with 401 and writes nothing', async () => {
    const before = await rawCount();
    expect((await post(ingestRequest('hie_wrong', envelope(3, at, 100)))).status).toBe(401);
    expect((await post(ingestRequest(null, envelope(3, at, 100)))).status).toBe(401);
    const scope = { orgId, sites: 'all' as const, customers: 'all' as const };
    const issued = await issueDeviceToken(db, scope, null, { siteId: siteA, name: 'to revoke' });
    await revokeDeviceToken(db, scope, null, issued.device.id);
    expect((await post(ingestRequest(issued.token, envelope(3, at, 100)))).status).toBe(401);
    expect(await rawCount()).toBe(before);
  });

  it('a token of site B cannot write site A miners: the same MACs become site B miners', async () => {
    const aIds = new Set((await db.select({ id: miners.id }).from(miners).where(eq(miners.siteId, siteA))).map((m) => m.id));
    const res = await post(ingestRequest(tokenB, envelope(5)));
    expect(res.status).toBe(200);
    const rows = await queryRows<{ miner_id: string; site_id: string }>(
      db,
      sql`select r.miner_id, m.site_id from telemetry_raw r join miners m on m.id = r.miner_id where m.site_id = ${siteB}`,
    );
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(aIds.has(r.miner_id)).toBe(false);
  });

  it('matches a known miner by MAC instead of creating one', async () => {
    const m = await makeMiner(db, { orgId, siteId: siteB });
    await db.update(miners).set({ macAddress: '0a:0b:0c:0d:0e:0f' }).where(eq(miners.id, m.id));
    await post(ingestRequest(tokenB, buildEnvelope([reading(900, at, { macAddress: '0A:0B:0C:0D:0E:0F' })], { collectedAt: at, edgeVersion: '1' })));
    const [live] = await db.select().from(minerTelemetryLive).where(eq(minerTelemetryLive.minerId, m.id));
    expect(live?.hashrate5sThs).toBeCloseTo(200, 0);
  });

  it('matches a MAC a form stored upper-case, and a miner without a live row gets one', async () => {
    const m = await makeMiner(db, { orgId, siteId: siteB });
    await db.update(miners).set({ macAddress: 'AB:CD:EF:01:02:03' }).where(eq(miners.id, m.id));
    const res = await post(ingestRequest(tokenB, buildEnvelope([reading(901, at, { macAddress: 'ab-cd-ef-01-02-03' })], { collectedAt: at, edgeVersion: '1' })));
    expect(await res.json()).toMatchObject({ inserted: 1, processed: 1 });
    const [live] = await db.select().from(minerTelemetryLive).where(eq(minerTelemetryLive.minerId, m.id));
    expect(live?.collectedAt.toISOString()).toBe(at);
    expect((await db.select().from(miners).where(eq(miners.siteId, siteB))).filter((x) => x.macAddress?.toLowerCase() === 'ab:cd:ef:01:02:03')).toHaveLength(1);
  });

  it('stores one row when two readings of an upload name the same miner at one instant (by MAC and by host:port)', async () => {
    await post(ingestRequest(tokenA, buildEnvelope([reading(950, at, { macAddress: null })], { collectedAt: at, edgeVersion: '1' })));
    const [byHostPort] = await db.select().from(edgeDiscoveredMiners).where(eq(edgeDiscoveredMiners.port, 40950));
    const later = '2026-11-22T05:29:30.000Z';
    // An unknown MAC read at a known host:port is that discovered miner: both readings resolve to it.
    const twins = [reading(950, later, { macAddress: null, hashrate5sThs: 1 }), reading(950, later, { macAddress: '0e:00:00:00:09:50', hashrate5sThs: 2 })];
    const res = await post(ingestRequest(tokenA, buildEnvelope(twins, { collectedAt: later, edgeVersion: '1' })));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ processed: 2, inserted: 1, updated: 1 });
    const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from telemetry_raw where miner_id = ${byHostPort!.minerId} and collected_at = ${later}::timestamptz`);
    expect(rows[0]!.n).toBe(1);
  });

  it('two uploads at once naming the same new machines create them once and store each reading once', async () => {
    const when = '2026-11-22T05:28:00.000Z';
    const results = await Promise.all([0, 1, 2].map(() => post(ingestRequest(tokenA, envelope(10, when, 600)))));
    for (const r of results) expect(r.status).toBe(200);
    const bodies = await Promise.all(results.map((r) => r.json()));
    expect(bodies.reduce((s, b) => s + b.inserted, 0)).toBe(10);
    const created = await db.select().from(edgeDiscoveredMiners).where(sql`${edgeDiscoveredMiners.port} between 40600 and 40609`);
    expect(created).toHaveLength(10);
    const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from telemetry_raw r join edge_discovered_miners d on d.miner_id = r.miner_id where d.port between 40600 and 40609`);
    expect(rows[0]!.n).toBe(10);
  });

  it.each([
    ['malformed JSON', { raw: '{"format":' }, 400, 'INVALID_JSON'],
    ['truncated gzip', { raw: gzipSync(Buffer.from(JSON.stringify({ a: 'x'.repeat(1000) }))).subarray(0, 30), headers: { 'content-encoding': 'gzip' } }, 400, 'INVALID_GZIP'],
    ['wrong format tag', { body: { ...envelope(1, at, 200), format: 'v0' } }, 400, 'VALIDATION'],
    ['wrongly typed field', { body: { ...envelope(1, at, 200), miners: [{ ...envelope(1, at, 200).miners[0], hashrate_avg_ths: '110' }] } }, 400, 'VALIDATION'],
    ['oversized body', { raw: `{"x":"${'a'.repeat(10 * 1024 * 1024)}"}` }, 413, 'PAYLOAD_TOO_LARGE'],
    ['gzip bomb', { raw: gzipSync(Buffer.from(`{"x":"${'a'.repeat(11 * 1024 * 1024)}"}`)), headers: { 'content-encoding': 'gzip' } }, 413, 'PAYLOAD_TOO_LARGE'],
    ['too many miners', { body: envelope(5001, at, 1000) }, 413, 'TOO_MANY_MINERS'],
  ])('refuses %s with a reason and writes nothing', async (_name, input, status, code) => {
    const before = await rawDigest();
    const minersBefore = (await db.select({ id: miners.id }).from(miners)).length;
    const { body, raw, headers } = input as { body?: unknown; raw?: string | Buffer; headers?: Record<string, string> };
    const res = await post(ingestRequest(tokenA, body, { raw, headers }));
    expect(res.status).toBe(status);
    const json = await res.json();
    expect(json.error.code).toBe(code);
    expect(json.error.message.length).toBeGreaterThan(5);
    expect(await rawDigest()).toBe(before);
    expect((await db.select({ id: miners.id }).from(miners)).length).toBe(minersBefore);
  });

  it('reports stale and future readings per record and stores the rest', async () => {
    const readings = [reading(300, at), reading(301, '2026-11-21T01:00:00.000Z'), reading(302, '2026-11-22T06:00:00.000Z')];
    const res = await post(ingestRequest(tokenA, buildEnvelope(readings, { collectedAt: at, edgeVersion: '1' })));
    const body = await res.json();
    expect(body.processed).toBe(1);
    expect(body.errors.map((e: { index: number }) => e.index)).toEqual([1, 2]);
  });

  it('rate-limits a token with 429', async () => {
    const scope = { orgId, sites: 'all' as const, customers: 'all' as const };
    const { token } = await issueDeviceToken(db, scope, null, { siteId: siteA, name: 'chatty' });
    const { hitRateLimit } = await import('@/db/queries/auth/rate-limit');
    const [dev] = await db.select().from(edgeDevices).where(eq(edgeDevices.name, 'chatty'));
    await hitRateLimit(db, `edge-ingest:${dev!.id}`, 60, now);
    await db.update(rateLimitBuckets).set({ count: 600 }).where(eq(rateLimitBuckets.key, `edge-ingest:${dev!.id}`));
    const res = await post(ingestRequest(token, envelope(1)));
    expect(res.status).toBe(429);
    // The window opened at `now`: the whole minute is left.
    expect(res.headers.get('retry-after')).toBe('60');
    // 45.2 s into the window: 14.8 s left, rounded up.
    const later = await post(ingestRequest(token, envelope(1)), new Date(now.getTime() + 45_200));
    expect([later.status, later.headers.get('retry-after')]).toEqual([429, '15']);
  });
});
