import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { createApiToken } from '@/lib/auth/api-tokens';
import { queueCommands } from '@/db/queries/edge/commands';
import { issueDeviceToken } from '@/lib/edge/devices';
import { edgeCommands, edgeDevices, minerModels, miners, minerTelemetryLive } from '@/db/schema';
import { ensureMinerModels } from '@/db/seed/ensure-miner-models';
import { BODY_LIMITS } from '@/lib/api/body-limits';
import { handleCalculatorRequest } from '@/lib/api/calculator-handler';
import type { Actor } from '@/lib/auth/actor';
import { scopeFor } from '@/lib/core/scope';
import { handleCommandAck, handleCommandPoll } from '@/lib/edge/api/handle-commands';
import { handlePublishKey } from '@/lib/edge/api/handle-credentials';
import { exportPublicKey, generateCollectorKeyPair } from '@/lib/edge/crypto';
import { buildEnvelope } from '@/lib/edge/envelope';
import { handleIngest } from '@/lib/edge/ingest/handle-ingest';
import { reading } from '../edge/ingest-helpers';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

// Every API route that reads a body, called the way Next calls it. Only the signed-in user (normally
// from the next-auth cookie) is stood in for; the database is the test's own.
const state = vi.hoisted(() => {
  const dataDir = `${process.env.TMPDIR ?? '/tmp'}/hi-body-limit-${process.pid}-${Date.now()}`;
  process.env.DATA_DIR = dataDir;
  return { db: undefined as unknown, actor: null as unknown, dataDir };
});
vi.mock('@/db', () => ({ getDb: async () => state.db }));
vi.mock('@/lib/auth/actor', () => ({ getActor: async () => state.actor }));

const batchRoute = await import('@/app/api/hosting/miners/batch/route');
const discoveryRoute = await import('@/app/api/hosting/edge/discovery/route');
const authRoute = await import('@/app/api/auth/[...nextauth]/route');
const inngestRoute = await import('@/app/api/inngest/route');

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let siteId: string;
let deviceToken: string;
let apiToken: string;
const noParams = { params: Promise.resolve({}) };

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  state.db = db;
  orgId = (await makeOrg(db)).id;
  siteId = (await makeSite(db, orgId, 'Alpha')).id;
  const owner = (await makeUser(db, { orgId, role: 'OWNER' })).user.id;
  state.actor = { userId: owner, email: 'o@example.test', name: 'O', locale: 'en', orgId, orgName: 'T', role: 'OWNER', scope: scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] }) } satisfies Actor;
  deviceToken = (await issueDeviceToken(db, { orgId, sites: 'all', customers: 'all' }, null, { siteId, name: 'c' })).token;
  const created = await createApiToken(db, { orgId, userId: owner }, 'ci');
  if (!created.ok) throw new Error('token not created');
  apiToken = created.token;
});
afterAll(async () => {
  await drop();
  rmSync(state.dataDir, { recursive: true, force: true });
});

const PAD = new Uint8Array(64 * 1024).fill(0x20);

/**
 * A chunked body (no Content-Length): valid JSON followed by spaces up to `total` bytes, so the whole
 * is valid JSON of any length and only a size check can refuse it. `pulled` counts what was read.
 */
function chunked(json: string, total: number) {
  const probe = { pulled: 0 };
  const head = new TextEncoder().encode(json);
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      const chunk = probe.pulled === 0 ? head : PAD;
      if (probe.pulled >= total) return c.close();
      probe.pulled += chunk.byteLength;
      c.enqueue(chunk);
    },
  });
  return { body, probe };
}

function post(url: string, body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) {
  return new Request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, duplex: 'half' } as RequestInit);
}

async function expect413(res: Response, probe: { pulled: number }, limit: number) {
  expect(res.status).toBe(413);
  expect(JSON.stringify(await res.json())).toContain('PAYLOAD_TOO_LARGE');
  // Read up to the limit and no further: the rest of the upload was never buffered.
  expect(probe.pulled).toBeLessThanOrEqual(limit + 2 * PAD.byteLength);
}

const minerCount = async () => (await db.select({ id: miners.id }).from(miners).where(eq(miners.orgId, orgId))).length;
/** The JSON alone, still streamed without a Content-Length. */
const SMALL = 1;

// Each case sends the same JSON twice, chunked: padded past the route's limit (413, nothing done),
// and unpadded (accepted), which shows that the oversized one was refused for its size alone.
describe('an oversized chunked body is refused with 413 before anything is parsed or written', () => {
  it('POST /api/hosting/miners/batch', async () => {
    await ensureMinerModels(db);
    const [model] = await db.select({ id: minerModels.id }).from(minerModels).limit(1);
    const json = JSON.stringify({ rows: [{ name: 'cut-short', siteId, modelId: model!.id }] });
    const send = (total: number) => {
      const c = chunked(json, total);
      return { probe: c.probe, res: batchRoute.POST(post('http://127.0.0.1/api/hosting/miners/batch', c.body), noParams) };
    };
    const before = await minerCount();
    const big = send(BODY_LIMITS.minerBatch + 1024 * 1024);
    await expect413(await big.res, big.probe, BODY_LIMITS.minerBatch);
    expect(await minerCount()).toBe(before);
    expect((await send(SMALL).res).status).toBe(201);
    expect(await minerCount()).toBe(before + 1);
  });

  it('POST /api/hosting/edge/discovery', async () => {
    const json = JSON.stringify({ targets: '127.0.0.1', ports: '1' });
    const big = chunked(json, BODY_LIMITS.json * 4);
    await expect413(await discoveryRoute.POST(post('http://127.0.0.1/api/hosting/edge/discovery', big.body), noParams), big.probe, BODY_LIMITS.json);
    const small = await discoveryRoute.POST(post('http://127.0.0.1/api/hosting/edge/discovery', chunked(json, SMALL).body), noParams);
    expect(small.status).toBe(200);
    expect(await small.text()).toContain('"type":"result"');
  });

  it('POST /api/calculator', async () => {
    const json = JSON.stringify({ hashrateThs: 100, powerW: 3000, electricityUsdPerKwh: 0.05, btcPriceUsd: 100_000, difficulty: 1e14, blockRewardBtc: 3.125, feesPerBlockBtc: 0.05 });
    const send = (total: number) => {
      const c = chunked(json, total);
      const res = handleCalculatorRequest(post('http://127.0.0.1/api/calculator', c.body, { authorization: `Bearer ${apiToken}` }), {
        db,
        now: new Date(),
        demoMode: false,
        network: async () => {
          throw new Error('every network figure is in the request');
        },
      });
      return { probe: c.probe, res };
    };
    const big = send(BODY_LIMITS.json * 4);
    await expect413(await big.res, big.probe, BODY_LIMITS.json);
    expect((await send(SMALL).res).status).toBe(200);
  });

  it('POST /api/edge/v1/commands/{id}/ack', async () => {
    const now = new Date();
    const miner = await makeMiner(db, { orgId, siteId });
    await queueCommands(db, { orgId, sites: 'all', customers: 'all' }, null, { type: 'REBOOT', minerIds: [miner.id], ttlS: 600, params: {} }, now);
    const polled = (await (await handleCommandPoll(db, new Request('http://127.0.0.1/api/edge/v1/commands/poll', { headers: { authorization: `Bearer ${deviceToken}` } }), now)).json()) as { commands: { command_id: string; nonce: string }[] };
    const cmd = polled.commands[0]!;
    const json = JSON.stringify({ status: 'SUCCESS', result: 'done', ack_nonce: cmd.nonce });
    const send = (total: number) => {
      const c = chunked(json, total);
      return { probe: c.probe, res: handleCommandAck(db, post(`http://127.0.0.1/api/edge/v1/commands/${cmd.command_id}/ack`, c.body, { authorization: `Bearer ${deviceToken}` }), cmd.command_id, now) };
    };
    const status = async () => (await db.select({ status: edgeCommands.status }).from(edgeCommands).where(eq(edgeCommands.id, cmd.command_id)))[0]!.status;
    const big = send(BODY_LIMITS.json * 4);
    await expect413(await big.res, big.probe, BODY_LIMITS.json);
    expect(await status()).toBe('LEASED');
    expect((await send(SMALL).res).status).toBe(200);
    expect(await status()).toBe('SUCCEEDED');
  });

  it('POST /api/edge/v1/keys', async () => {
    const { publicKey } = exportPublicKey(generateCollectorKeyPair(1));
    const json = JSON.stringify({ keyVersion: 1, publicKey });
    const send = (total: number) => {
      const c = chunked(json, total);
      return { probe: c.probe, res: handlePublishKey(db, post('http://127.0.0.1/api/edge/v1/keys', c.body, { authorization: `Bearer ${deviceToken}` })) };
    };
    const stored = async () => JSON.stringify(await db.select().from(edgeDevices).where(eq(edgeDevices.siteId, siteId))).includes(publicKey);
    const big = send(BODY_LIMITS.json * 4);
    await expect413(await big.res, big.probe, BODY_LIMITS.json);
    expect(await stored()).toBe(false);
    expect((await send(SMALL).res).status).toBe(200);
    expect(await stored()).toBe(true);
  });

  it('POST /api/edge/v1/telemetry/ingest', async () => {
    const at = new Date().toISOString();
    const json = JSON.stringify(buildEnvelope([reading(1, at)], { collectedAt: at, edgeVersion: '1.0.0', bufferDepth: 0 }));
    const send = (total: number) => {
      const c = chunked(json, total);
      return { probe: c.probe, res: handleIngest(db, post('http://127.0.0.1/api/edge/v1/telemetry/ingest', c.body, { authorization: `Bearer ${deviceToken}` }), new Date()) };
    };
    const big = send(BODY_LIMITS.edgeIngest + 1024 * 1024);
    await expect413(await big.res, big.probe, BODY_LIMITS.edgeIngest);
    expect(await db.select().from(minerTelemetryLive)).toHaveLength(0);
    expect((await send(SMALL).res).status).toBe(200);
    expect(await db.select().from(minerTelemetryLive)).toHaveLength(1);
  });

  it('POST /api/auth/* and /api/inngest: the library behind them never sees the body', async () => {
    const form = chunked('email=a%40b.c&password=x&x=', BODY_LIMITS.auth * 4);
    const auth = await authRoute.POST(new NextRequest(post('http://127.0.0.1/api/auth/callback/credentials', form.body, { 'content-type': 'application/x-www-form-urlencoded' })));
    await expect413(auth, form.probe, BODY_LIMITS.auth);
    const url = 'http://127.0.0.1/api/inngest?fnId=hashinsight-system-purge-rate-limits&stepId=step';
    const run = chunked('{"event":{}}', BODY_LIMITS.inngest + 1024 * 1024);
    await expect413(await inngestRoute.POST(post(url, run.body), {}), run.probe, BODY_LIMITS.inngest);
    // Under the limit it reaches the SDK, which refuses it for want of a signature.
    expect((await inngestRoute.POST(post(url, chunked('{"event":{}}', SMALL).body), {})).status).toBe(401);
  });

  it('refuses a declared Content-Length over the limit without reading a byte', async () => {
    const untouched = new ReadableStream<Uint8Array>({
      pull() {
        throw new Error('the body was read');
      },
    });
    const res = await batchRoute.POST(post('http://127.0.0.1/api/hosting/miners/batch', untouched, { 'content-length': String(BODY_LIMITS.minerBatch + 1) }), noParams);
    expect(res.status).toBe(413);
  });
});
