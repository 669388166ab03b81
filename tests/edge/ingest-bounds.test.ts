import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '@/db/client';
import { issueDeviceToken } from '@/lib/edge/devices';
import { hostingKpis } from '@/db/queries/hosting/fleet';
import { edgeDevices } from '@/db/schema';
import { edgeErrorResponse } from '@/lib/edge/api/device-auth';
import { handlePublishKey } from '@/lib/edge/api/handle-credentials';
import { buildEnvelope } from '@/lib/edge/envelope';
import { handleIngest } from '@/lib/edge/ingest/handle-ingest';
import type { MinerReading } from '@/lib/edge/types';
import { scopeFor } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { makeOrg, makeSite } from '../helpers/fixtures';
import { ingestRequest, reading } from './ingest-helpers';

let db: Db;
let drop: () => Promise<void>;
let token: string;
let orgId: string;
let deviceId: string;
const now = new Date('2026-11-22T05:30:00Z');
let second = 0;
// Each upload at its own instant, so its rows can be told apart.
const nextInstant = () => new Date(now.getTime() - 60_000 + ++second * 100).toISOString();

const upload = (readings: MinerReading[], at: string, over: Record<string, unknown> = {}) => ({ ...buildEnvelope(readings, { collectedAt: at, edgeVersion: '1.0.0', bufferDepth: 0 }), ...over });
const storedPorts = async (at: string) =>
  (await queryRows<{ port: number }>(db, sql`select d.port from telemetry_raw r join edge_discovered_miners d on d.miner_id = r.miner_id where r.collected_at = ${at}::timestamptz order by d.port`)).map((r) => r.port);
const device = async () => (await db.select().from(edgeDevices).where(eq(edgeDevices.id, deviceId)))[0]!;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  orgId = (await makeOrg(db)).id;
  const siteId = (await makeSite(db, orgId)).id;
  const issued = await issueDeviceToken(db, { orgId, sites: 'all', customers: 'all' }, null, { siteId, name: 'bounds' });
  token = issued.token;
  deviceId = issued.device.id;
});
afterAll(async () => drop());

describe('ingest: every reading bounded to its physical range and its column', () => {
  it('stores the valid records of an upload and reports each out-of-range one in errors[] with its index and reason', async () => {
    const at = nextInstant();
    const bad: Partial<MinerReading>[] = [
      { uptimeS: 4294967295 },
      { hashrate5sThs: 1e300 },
      { powerW: 1e300 },
      { tempChipMaxC: 1e39 },
      { fansRpm: [1e12] },
      { hashrateAvgThs: -5000 },
      { powerW: -1 },
      { fansRpm: [5400, -1] },
      { accepted: -3 },
      { model: 'S19\u0000' },
    ];
    const readings = [reading(1, at), ...bad.map((over, i) => reading(10 + i, at, over)), reading(2, at)];
    const res = await handleIngest(db, ingestRequest(token, upload(readings, at)), now);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ received: 12, processed: 2, inserted: 2 });
    expect(body.errors.map((e: { index: number }) => e.index)).toEqual(bad.map((_, i) => i + 1));
    const fields = ['uptime_s', 'hashrate_5s_ths', 'power_w', 'temp_chip_max_c', 'fans_rpm.0', 'hashrate_avg_ths', 'power_w', 'fans_rpm.1', 'accepted', 'model'];
    body.errors.forEach((e: { reason: string }, i: number) => expect(e.reason.startsWith(`${fields[i]}: `)).toBe(true));
    expect(await storedPorts(at)).toEqual([40001, 40002]);
  });

  it('a negative hashrate never reaches the KPI page', async () => {
    const at = nextInstant();
    const kpi = async () => (await hostingKpis(db, scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] }), { hostCosts: false }, now)).find((r) => r.dim === 'all')!;
    const before = await kpi();
    await handleIngest(db, ingestRequest(token, upload([reading(30, at, { hashrateAvgThs: 100 }), reading(31, at, { hashrateAvgThs: -5000 })], at)), now);
    const after = await kpi();
    // The KPI page's measured hashrate: the valid reading's 100 TH/s is now measured by telemetry.
    expect(after.thsBySource.telemetry - before.thsBySource.telemetry).toBeCloseTo(100, 3);
    expect(await storedPorts(at)).toEqual([40030]);
  });

  it('an upload in which no record is valid is refused whole with 400 and writes nothing', async () => {
    const at = nextInstant();
    const res = await handleIngest(db, ingestRequest(token, upload([reading(40, at, { uptimeS: 4294967295 }), reading(41, at, { powerW: 1e300 })], at)), now);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.message).toContain('miners.0: uptime_s');
    expect(await storedPorts(at)).toEqual([]);
  });

  it('buffer_depth 1e10 in the envelope is a 400; x-edge-buffer-depth 1e30 is ignored and the readings are stored', async () => {
    const at = nextInstant();
    const refused = await handleIngest(db, ingestRequest(token, upload([reading(50, at)], at, { buffer_depth: 1e10 })), now);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toContain('buffer_depth');

    const res = await handleIngest(db, ingestRequest(token, upload([reading(50, at)], at, { buffer_depth: 7 }), { headers: { 'x-edge-buffer-depth': '1e30' } }), now);
    expect(res.status).toBe(200);
    expect(await storedPorts(at)).toEqual([40050]);
    expect((await device()).bufferDepth).toBe(7);
  });

  it('records the dead letters the collector reports, and ignores a count out of range', async () => {
    const send = (headers: Record<string, string>) => handleIngest(db, ingestRequest(token, upload([reading(60, nextInstant())], nextInstant()), { headers }), now);
    expect((await send({ 'x-edge-dead-letters': '3', 'x-edge-dead-letter-bytes': '123456' })).status).toBe(200);
    expect(await device()).toMatchObject({ deadLetters: 3, deadLetterBytes: 123456 });
    expect((await send({ 'x-edge-dead-letters': String(2 ** 32 - 1), 'x-edge-dead-letter-bytes': '1e300' })).status).toBe(200);
    expect(await device()).toMatchObject({ deadLetters: null, deadLetterBytes: null });
  });

  it('a value too small for a real column is stored as zero, not refused by the database', async () => {
    const at = nextInstant();
    const res = await handleIngest(db, ingestRequest(token, upload([reading(70, at, { hashrate5sThs: 1e-300, powerW: 5e-324, tempInletC: -1e-40 })], at)), now);
    expect(res.status).toBe(200);
    const [row] = await queryRows<{ h: number; p: number; t: number }>(db, sql`select hashrate5s_ths as h, power_w as p, temp_inlet_c as t from telemetry_raw where collected_at = ${at}::timestamptz`);
    expect(row).toEqual({ h: 0, p: 0, t: 0 });
  });

  it('a data exception from the database (value out of range for its column) answers 400, not 500', async () => {
    const error = await db.execute(sql`select 1e39::real`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    const res = edgeErrorResponse(error, 'test');
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('INVALID_VALUE');
  });

  it('POST /api/edge/v1/keys refuses keyVersion 1e12 with 400', async () => {
    const publish = (keyVersion: number) =>
      handlePublishKey(db, new Request('http://127.0.0.1/api/edge/v1/keys', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ keyVersion, publicKey: `${'A'.repeat(43)}=` }) }));
    expect((await publish(1e12)).status).toBe(400);
    expect((await publish(2 ** 31)).status).toBe(400);
    expect((await publish(2 ** 31 - 1)).status).toBe(200);
  });
});
