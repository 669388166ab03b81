import { signedIn } from '../helpers/signed-in';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditLog, edgeDiscoveredMiners, miners } from '@/db/schema';
import type { Role } from '@/lib/core/roles';
import type { DiscoveredMiner } from '@/lib/edge/discovery';
import { planScan, parsePorts } from '@/lib/edge/discovery-ui/scan-request';
import type { ScanEvent } from '@/lib/edge/discovery-ui/scan-stream';
import { startSimulatedFarm, type SimulatedFarm } from '@/lib/edge/simulator';
import { TargetError } from '@/lib/edge/targets';
import { testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeOrg, makeSite, makeUser } from '../helpers/fixtures';

// The route and the action run for real against the test database and a simulated farm on
// 127.0.0.x; only the signed-in user (normally from the next-auth cookie) and Next's cache
// revalidation are stood in for.

const { POST } = await import('@/app/api/hosting/edge/discovery/route');
const { addDiscoveredMinersAction } = await import('@/lib/actions/edge/add-discovered-miners');

let db: Db;
let drop: () => Promise<void>;
let farm: SimulatedFarm;
let orgId: string;
let siteA: string;
let siteB: string;
const users: Record<string, string> = {};
// Five miners on 127.0.0.20–24, one port each address (a port per run so parallel runs never collide).
const PORT = 30_000 + Math.floor(Math.random() * 20_000);

const actorOf = (role: Role, siteIds: string[] = []) => testActor(orgId, role, users[role]!, siteIds);

async function scan(body: unknown): Promise<{ status: number; events: ScanEvent[]; json?: { error: { code: string; message: string; fields?: Record<string, string> } } }> {
  const res = await POST(new Request('http://127.0.0.1/api/hosting/edge/discovery', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }), { params: Promise.resolve({}) });
  if (res.status !== 200) return { status: res.status, events: [], json: await res.json() };
  const text = await res.text();
  return { status: 200, events: text.trim().split('\n').map((l) => JSON.parse(l) as ScanEvent) };
}

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  orgId = (await makeOrg(db)).id;
  siteA = (await makeSite(db, orgId, 'Alpha')).id;
  siteB = (await makeSite(db, orgId, 'Bravo')).id;
  users.OWNER = (await makeUser(db, { orgId, role: 'OWNER' })).user.id;
  users.OPERATOR = (await makeUser(db, { orgId, role: 'OPERATOR', siteIds: [siteB] })).user.id;
  users.CLIENT = (await makeUser(db, { orgId, role: 'CLIENT' })).user.id;
  farm = await startSimulatedFarm({ count: 5, host: '127.0.0.20', addressing: 'hosts', basePort: PORT, seed: 3 });
});
afterAll(async () => {
  await farm?.close();
  await drop();
});

describe('scan planning', () => {
  it('parses ports and ranges, and refuses non-loopback targets unless the installation allows them', () => {
    expect(parsePorts('4028, 4030-4032 4028')).toEqual([4028, 4030, 4031, 4032]);
    expect(parsePorts('')).toEqual([4028]);
    expect(() => parsePorts('1-2000')).toThrow(TargetError);
    expect(() => parsePorts('0')).toThrow(TargetError);
    expect(() => planScan({ targets: '10.0.0.0/24', ports: '4028' }, false)).toThrow(/outside 127\.0\.0\.0\/8/);
    expect(planScan({ targets: '10.0.0.0/24', ports: '4028' }, true).ips).toHaveLength(254);
    expect(() => planScan({ targets: '127.0.0.0/16', ports: '4028,4029' }, false)).toThrow(/probes/);
  });
});

describe('POST /api/hosting/edge/discovery', () => {
  it('streams progress and identifies the simulated miners (vendor, model, firmware, MAC)', async () => {
    signedIn.actor = actorOf('OWNER');
    const { status, events } = await scan({ targets: '127.0.0.18-127.0.0.26', ports: String(PORT) });
    expect(status).toBe(200);
    expect(events[0]).toEqual({ type: 'start', total: 9 });
    const last = events.at(-1)!;
    expect(last.type).toBe('result');
    const found = (last as Extract<ScanEvent, { type: 'result' }>).miners;
    expect(found.map((m) => m.ip)).toEqual(farm.miners.map((m) => m.host));
    for (const [i, m] of found.entries()) {
      expect(m.port).toBe(PORT);
      // Firmware names its model its own way (btminer: "M50S.VH50" for a Whatsminer M50S).
      expect(farm.miners[i]!.model.toLowerCase()).toContain(m.model!.split('.')[0]!.toLowerCase());
      expect(m.firmware).toBeTruthy();
      expect(m.vendor).not.toBe('unknown');
    }
    // Antminer replies carry no MAC in `version`; btminer's summary does.
    const whats = found.find((m) => m.vendor === 'whatsminer');
    expect(whats?.macAddress?.toUpperCase()).toBe(farm.miners[found.indexOf(whats!)]!.mac);
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.at(-1)).toEqual({ type: 'progress', done: 9, total: 9, found: 5 });
  });

  it('answers 400 with the reason for a bad or non-loopback range, 403 without Edge access, 401 signed out', async () => {
    signedIn.actor = actorOf('OWNER');
    const outside = await scan({ targets: '192.168.1.0/24', ports: '4028' });
    expect(outside.status).toBe(400);
    expect(outside.json!.error.message).toMatch(/192\.168\.1\.1 is outside 127\.0\.0\.0\/8/);
    expect(outside.json!.error.fields).toEqual({ targets: 'notLoopback' });
    expect((await scan({ targets: '127.0.0.1', ports: '99999' })).json!.error.fields).toEqual({ ports: 'badPorts' });
    const big = await scan({ targets: '127.0.0.0/8' });
    expect(big.status).toBe(400);
    expect(big.json!.error.message).toMatch(/\/16/);
    expect(big.json!.error.fields).toEqual({ targets: 'badTargets' });
    expect((await scan({ targets: '' })).status).toBe(400);
    expect((await scan('not an object')).status).toBe(400);
    signedIn.actor = actorOf('CLIENT');
    expect((await scan({ targets: '127.0.0.20' })).status).toBe(403);
    signedIn.actor = null;
    expect((await scan({ targets: '127.0.0.20' })).status).toBe(401);
  });
});

describe('add selected to site', () => {
  const pick = (over: Partial<DiscoveredMiner> = {}, i = 0): DiscoveredMiner => ({
    ip: farm.miners[i]!.host,
    port: PORT,
    vendor: 'antminer',
    model: farm.miners[i]!.model,
    firmware: 'bmminer',
    macAddress: farm.miners[i]!.mac,
    ...over,
  });

  it('creates hosting miners flagged with their host:port, and audits them as one entry', async () => {
    signedIn.actor = actorOf('OWNER');
    const res = await addDiscoveredMinersAction({ siteId: siteA, miners: [pick({}, 0), pick({}, 1)] });
    expect(res.ok).toBe(true);
    const outcomes = res.ok ? res.data : [];
    expect(outcomes.map((o) => o.status)).toEqual(['created', 'created']);
    const rows = await db.select().from(miners).where(eq(miners.siteId, siteA));
    expect(rows.map((r) => r.macAddress).sort()).toEqual([farm.miners[0]!.mac, farm.miners[1]!.mac].sort());
    expect(rows.every((r) => r.ipAddress === null)).toBe(true); // not the standard port: the IP is not the machine's
    const flags = await db.select().from(edgeDiscoveredMiners);
    expect(flags.map((f) => `${f.host}:${f.port}`).sort()).toEqual([`${farm.miners[0]!.host}:${PORT}`, `${farm.miners[1]!.host}:${PORT}`]);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, 'miner.discovery_add')));
    expect(audit).toHaveLength(1);
  });

  it('reports duplicates per row (same MAC, same address, repeated in the selection) and creates only the rest', async () => {
    signedIn.actor = actorOf('OWNER');
    const res = await addDiscoveredMinersAction({
      siteId: siteA,
      miners: [pick({}, 0), pick({ macAddress: null }, 1), pick({}, 2), pick({}, 2), pick({ port: 4028, ip: '127.0.0.99', macAddress: null }, 3), pick({ port: 4028, ip: '127.0.0.99', macAddress: null }, 4)],
    });
    expect(res.ok).toBe(true);
    const outcomes = res.ok ? res.data : [];
    expect(outcomes.map((o) => (o.status === 'conflict' ? `conflict:${o.field}` : o.status))).toEqual(['conflict:mac', 'conflict:address', 'created', 'conflict:mac', 'created', 'conflict:address']);
    const first = outcomes[0]!;
    expect(first.status === 'conflict' && first.minerName).toContain(`${farm.miners[0]!.host}:${PORT}`);
    expect(await db.select().from(miners).where(eq(miners.siteId, siteA))).toHaveLength(4);
    const [onStd] = await db.select().from(miners).where(and(eq(miners.siteId, siteA), eq(miners.ipAddress, '127.0.0.99')));
    expect(onStd).toBeDefined();
  });

  it('keeps scope: an operator of site B cannot add to site A; invalid input writes nothing', async () => {
    signedIn.actor = actorOf('OPERATOR', [siteB]);
    expect(await addDiscoveredMinersAction({ siteId: siteA, miners: [pick({}, 4)] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await addDiscoveredMinersAction({ siteId: siteB, miners: [pick({ ip: 'not-an-ip' }, 4)] })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await addDiscoveredMinersAction({ siteId: siteB, miners: [] })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await db.select().from(miners).where(eq(miners.siteId, siteB))).toHaveLength(0);
    expect(await addDiscoveredMinersAction({ siteId: siteB, miners: [pick({}, 4)] })).toMatchObject({ ok: true });
    signedIn.actor = actorOf('CLIENT');
    expect(await addDiscoveredMinersAction({ siteId: siteB, miners: [pick({}, 3)] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
