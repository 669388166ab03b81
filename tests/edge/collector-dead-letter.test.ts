import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '@/db/client';
import { issueDeviceToken } from '@/lib/edge/devices';
import { edgeDevices } from '@/db/schema';
import { createCollector } from '@/lib/edge/collector/collector';
import { collectorConfigSchema } from '@/lib/edge/collector/config';
import { buildEnvelope } from '@/lib/edge/envelope';
import { createTestDb } from '../helpers/db';
import { makeOrg, makeSite } from '../helpers/fixtures';
import { startCloud } from './cloud-server';
import { reading } from './ingest-helpers';

let db: Db;
let drop: () => Promise<void>;
let token: string;
let deviceId: string;
let dir: string;
const logs: { level: string; msg: string; [k: string]: unknown }[] = [];
const log = (level: 'info' | 'warn' | 'error', msg: string, fields = {}) => void logs.push({ level, msg, ...fields });
const noCommands = async () => ({ ok: true, message: '', executionMs: 0 });

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const orgId = (await makeOrg(db)).id;
  const siteId = (await makeSite(db, orgId)).id;
  const issued = await issueDeviceToken(db, { orgId, sites: 'all', customers: 'all' }, null, { siteId, name: 'dead letters' });
  token = issued.token;
  deviceId = issued.device.id;
  dir = mkdtempSync(path.join(tmpdir(), 'hi-dead-letter-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await drop();
});

const gz = (body: unknown) => gzipSync(JSON.stringify(body));

describe('collector: an envelope the cloud refuses never holds back the ones behind it', () => {
  it('moves a 4xx envelope to the dead-letter store, stores the valid readings of one with an out-of-range reading, reports its dead letters', async () => {
    const cloud = await startCloud(db);
    const at = new Date(Date.now() - 60_000).toISOString();
    const bufferDir = path.join(dir, 'real');
    mkdirSync(bufferDir, { recursive: true });
    // Queued before this run: a broken envelope (the cloud answers 400), then one whose second
    // reading carries firmware's "unknown" uptime (the cloud answered 500 and blocked the queue).
    const broken = gz({ ...buildEnvelope([reading(1, at)], { collectedAt: at, edgeVersion: '1' }), buffer_depth: 1e10 });
    writeFileSync(path.join(bufferDir, '000000000001.json.gz'), broken);
    writeFileSync(path.join(bufferDir, '000000000002.json.gz'), gz(buildEnvelope([reading(2, at), { ...reading(3, at), uptimeS: 4294967295 }], { collectedAt: at, edgeVersion: '1' })));

    const config = collectorConfigSchema.parse({ cloudUrl: cloud.url, token, bufferDir, miners: [{ host: '127.0.0.1', port: 40004 }] });
    const collector = createCollector(config, { read: async (host, port) => ({ ...reading(4, new Date().toISOString()), ip: host, port }), execute: noCommands, log });
    await collector.pollCycle();

    expect(collector.bufferDepth()).toBe(0);
    expect(cloud.received.map((r) => r.status)).toEqual([400, 200, 200]);
    const ports = await queryRows<{ port: number }>(db, sql`select d.port from telemetry_raw r join edge_discovered_miners d on d.miner_id = r.miner_id order by d.port`);
    expect(ports.map((r) => r.port)).toEqual([40002, 40004]);
    expect(logs.find((l) => l.msg === 'cloud refused some readings of an upload')).toMatchObject({ refused: 1 });

    const store = path.join(bufferDir, 'dead-letter');
    expect(readdirSync(store).sort()).toEqual(['000000000001.json.gz', '000000000001.reason.json']);
    expect(readFileSync(path.join(store, '000000000001.json.gz'))).toEqual(broken);
    const reason = JSON.parse(readFileSync(path.join(store, '000000000001.reason.json'), 'utf8'));
    expect(reason).toMatchObject({ status: 400, answer: { error: { code: 'VALIDATION' } } });
    expect(reason.answer.error.message).toContain('buffer_depth');
    expect(collector.deadLetters()).toEqual({ count: 1, bytes: broken.length });
    const [device] = await db.select().from(edgeDevices).where(eq(edgeDevices.id, deviceId));
    expect(device).toMatchObject({ deadLetters: 1, deadLetterBytes: broken.length, bufferDepth: 0 });
    await cloud.close();
  });
});

/** A cloud on 127.0.0.1 answering each upload with the next scripted status and body. */
async function scriptedCloud(script: { status: number; body: string; type?: string }[]) {
  const seen: { depth: string | undefined; deadLetters: string | undefined }[] = [];
  const server = http.createServer(async (req, res) => {
    for await (const _ of req);
    seen.push({ depth: req.headers['x-edge-buffer-depth'] as string, deadLetters: req.headers['x-edge-dead-letters'] as string });
    const next = script.shift() ?? { status: 200, body: JSON.stringify({ status: 'ok', errors: [] }) };
    res.writeHead(next.status, { 'content-type': next.type ?? 'application/json' });
    res.end(next.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise((r) => {
      server.closeAllConnections();
      server.close(r);
    }),
  };
}

describe('collector: 5xx and network errors are retried with backoff, never dead-lettered', () => {
  it('waits 5 s, 10 s, then up to the poll interval between tries; keeps the envelope; a 4xx no ingest API wrote is retried too', async () => {
    const unavailable = { status: 503, body: JSON.stringify({ status: 'error', error: { code: 'INTERNAL', message: 'x' } }) };
    const proxy404 = { status: 404, body: '<html>Not Found</html>', type: 'text/html' };
    const refused = { status: 400, body: JSON.stringify({ status: 'error', error: { code: 'VALIDATION', message: 'bad' } }) };
    const cloud = await scriptedCloud([unavailable, unavailable, proxy404, unavailable, { status: 200, body: '{"status":"ok","errors":[]}' }, refused]);
    let t = Date.parse('2026-11-22T05:00:00Z');
    const config = collectorConfigSchema.parse({ cloudUrl: cloud.url, token, bufferDir: path.join(dir, 'scripted'), pollIntervalS: 15, miners: [{ host: '127.0.0.1', port: 40010 }] });
    const collector = createCollector(config, { read: async () => reading(10, new Date(t).toISOString()), execute: noCommands, log, now: () => new Date(t) });
    const waits = () => logs.filter((l) => l.msg === 'cloud unreachable, keeping envelopes on disk').map((l) => l.retryInS as number);
    logs.length = 0;

    await collector.pollCycle();
    expect(cloud.seen).toHaveLength(1);
    expect(waits()).toHaveLength(1);
    expect(waits()[0]).toBeGreaterThanOrEqual(4);
    expect(waits()[0]).toBeLessThanOrEqual(5);
    // Within the wait nothing is sent, however often flush is called.
    expect(await collector.flush()).toBe(0);
    expect(await collector.flush()).toBe(0);
    expect(cloud.seen).toHaveLength(1);

    t += 5000;
    await collector.flush();
    expect(cloud.seen).toHaveLength(2);
    expect(waits()[1]).toBeGreaterThanOrEqual(8);
    expect(waits()[1]).toBeLessThanOrEqual(10);
    t += 5000;
    await collector.flush();
    expect(cloud.seen).toHaveLength(2);
    t += 5000;
    await collector.flush(); // the proxy's 404
    t += 15_000;
    await collector.flush(); // 503 again: the wait is capped at the 15 s poll interval
    expect(cloud.seen).toHaveLength(4);
    expect(waits().slice(2).every((s) => s >= 12 && s <= 15)).toBe(true);
    expect(collector.bufferDepth()).toBe(1);
    expect(collector.deadLetters().count).toBe(0);

    t += 15_000;
    expect(await collector.flush()).toBe(1);
    expect(collector.bufferDepth()).toBe(0);

    // A refusal the ingest API wrote: kept as a dead letter, and the queue behind it still drains.
    await collector.pollCycle();
    await collector.pollCycle();
    expect(collector.deadLetters().count).toBe(1);
    expect(collector.bufferDepth()).toBe(0);
    expect(cloud.seen.at(-1)).toEqual({ depth: '0', deadLetters: '1' });
    const store = path.join(dir, 'scripted', 'dead-letter');
    expect(statSync(path.join(store, '000000000001.json.gz')).size).toBe(collector.deadLetters().bytes);
    await cloud.close();
  });
});
