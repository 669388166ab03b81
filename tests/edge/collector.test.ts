import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '@/db/client';
import { issueDeviceToken } from '@/lib/edge/devices';
import { queueCommands } from '@/db/queries/edge/commands';
import { edgeCommands, edgeDevices, edgeDiscoveredMiners } from '@/db/schema';
import { executeMinerCommand } from '@/lib/edge/commands';
import { createCollector } from '@/lib/edge/collector/collector';
import { CloudClient } from '@/lib/edge/collector/cloud';
import { runCommands } from '@/lib/edge/collector/run-commands';
import { commandSigningKey } from '@/lib/edge/device-token';
import { collectorConfigSchema } from '@/lib/edge/collector/config';
import { readMiner } from '@/lib/edge/rpc/read-miner';
import { type SimulatedFarm, startSimulatedFarm } from '@/lib/edge/simulator';
import { createTestDb } from '../helpers/db';
import { makeOrg, makeSite } from '../helpers/fixtures';
import { startCloud } from './cloud-server';

let db: Db;
let drop: () => Promise<void>;
let farm: SimulatedFarm;
let token: string;
let orgId: string;
let dir: string;
const logs: { level: string; msg: string; [k: string]: unknown }[] = [];
const log = (level: 'info' | 'warn' | 'error', msg: string, fields = {}) => void logs.push({ level, msg, ...fields });

const rawCount = async () => (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from telemetry_raw`))[0]!.n;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const org = await makeOrg(db);
  orgId = org.id;
  const site = await makeSite(db, org.id);
  token = (await issueDeviceToken(db, { orgId, sites: 'all', customers: 'all' }, null, { siteId: site.id, name: 'farm collector' })).token;
  farm = await startSimulatedFarm({ count: 8, basePort: 0, seed: 7 });
  dir = mkdtempSync(path.join(tmpdir(), 'hi-collector-'));
});
afterAll(async () => {
  await farm.close();
  rmSync(dir, { recursive: true, force: true });
  await drop();
});

describe('edge collector against simulated miners and the real ingest handler', () => {
  it('loses nothing over a 10-minute cloud outage and replays in order', async () => {
    const cloud = await startCloud(db);
    const config = collectorConfigSchema.parse({
      cloudUrl: cloud.url,
      token,
      bufferDir: path.join(dir, 'buf'),
      concurrency: 4,
      minerTimeoutMs: 1000,
      miners: farm.miners.map((m) => ({ host: m.host, port: m.port })),
    });
    // One poll per simulated minute: the clock moves 60 s per cycle; the outage lasts 10 cycles.
    let minute = 0;
    const base = Date.now() - 20 * 60_000;
    const collector = createCollector(config, {
      read: (h, p, o) => readMiner(h, p, { ...o, now: () => new Date(base + minute * 60_000) }),
      execute: executeMinerCommand,
      log,
      now: () => new Date(base + minute * 60_000),
    });

    for (; minute < 3; minute++) await collector.pollCycle();
    expect(await rawCount()).toBe(3 * 8);

    await cloud.close();
    for (; minute < 13; minute++) await collector.pollCycle();
    expect(collector.bufferDepth()).toBe(10);
    expect(await rawCount()).toBe(3 * 8);
    expect(logs.some((l) => l.msg === 'cloud unreachable, keeping envelopes on disk')).toBe(true);

    const again = await startCloud(db, cloud.port);
    await collector.pollCycle();
    minute++;
    expect(collector.bufferDepth()).toBe(0);
    expect(again.received).toHaveLength(11);
    expect(await rawCount()).toBe(14 * 8);
    // Every minute of every miner is there exactly once, in order of arrival.
    const perMinute = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from telemetry_raw group by collected_at order by collected_at`);
    expect(perMinute.map((r) => r.n)).toEqual(Array(14).fill(8));
    const [device] = await db.select().from(edgeDevices);
    expect(device!.bufferDepth).toBe(0);
    expect(await db.select().from(edgeDiscoveredMiners)).toHaveLength(8);
    await again.close();
  });

  it('bounds the buffer: the oldest envelopes are dropped with a logged count', async () => {
    const config = collectorConfigSchema.parse({
      cloudUrl: 'http://127.0.0.1:9',
      token,
      bufferDir: path.join(dir, 'small'),
      bufferMaxEnvelopes: 3,
      miners: farm.miners.slice(0, 2).map((m) => ({ host: m.host, port: m.port })),
    });
    const collector = createCollector(config, { read: readMiner, execute: executeMinerCommand, log });
    for (let i = 0; i < 5; i++) await collector.pollCycle();
    expect(collector.bufferDepth()).toBe(3);
    expect(logs.filter((l) => l.msg === 'buffer full: dropped oldest envelopes').map((l) => l.dropped)).toEqual([1, 1]);
  });

  it('runs signed commands against the miners and acks them; a tampered command is not executed', async () => {
    const cloud = await startCloud(db);
    const config = collectorConfigSchema.parse({ cloudUrl: cloud.url, token, bufferDir: path.join(dir, 'cmd'), miners: farm.miners.map((m) => ({ host: m.host, port: m.port })) });
    const collector = createCollector(config, { read: readMiner, execute: executeMinerCommand, log });
    const lux = farm.miners.findIndex((m) => m.firmware === 'luxos');
    const target = farm.miners[lux]!;
    const [flag] = await db.select().from(edgeDiscoveredMiners).where(eq(edgeDiscoveredMiners.port, target.port));
    await queueCommands(db, { orgId, sites: 'all', customers: 'all' }, null, { type: 'SLEEP', minerIds: [flag!.minerId], ttlS: 600, params: {} }, new Date());
    expect(await collector.commandCycle()).toBe(1);
    const [cmd] = await db.select().from(edgeCommands).where(eq(edgeCommands.minerId, flag!.minerId));
    expect(cmd!.status).toBe('SUCCEEDED');
    expect(farm.state(lux).sleeping).toBe(true);

    // A tampered command (type changed after signing) is acked as an error and never reaches the miner.
    await queueCommands(db, { orgId, sites: 'all', customers: 'all' }, null, { type: 'WAKE', minerIds: [flag!.minerId], ttlS: 600, params: {} }, new Date());
    const real = new CloudClient(cloud.url, token, 5000);
    const [leased] = await real.pollCommands(5);
    const acks: { id: string; status: string; result: unknown }[] = [];
    const executed: string[] = [];
    const fakeCloud = { pollCommands: async () => [{ ...leased!, command_type: 'REBOOT' }], ack: async (id: string, b: { status: string; result: unknown }) => (acks.push({ id, ...b }), 200) };
    await runCommands({
      cloud: fakeCloud as unknown as CloudClient,
      signingKey: commandSigningKey(token),
      miners: config.miners,
      execute: async (h, p, c) => (executed.push(c.type), { ok: true, message: 'ran', executionMs: 1 }),
      log,
      now: () => new Date(),
    });
    expect(executed).toEqual([]);
    expect(acks).toEqual([{ id: leased!.command_id, status: 'ERROR', result: 'signature invalid: not executed', execution_time_ms: expect.any(Number), ack_nonce: leased!.nonce }]);
    expect(farm.state(lux).sleeping).toBe(true);
    await cloud.close();
  });
});
