import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { poolApiCallLogs } from '@/db/schema';
import { antpoolApi } from '@/lib/integrations/antpool/api';
import { DbRateBudget } from '@/lib/integrations/antpool/budget';
import { AntpoolError } from '@/lib/integrations/antpool/errors';
import { buildFakeFarm } from '@/lib/integrations/antpool/fake-farm';
import { type FakeAntpool, startFakeAntpool } from '@/lib/integrations/antpool/fake-server';
import { createNonceSource } from '@/lib/integrations/antpool/nonce';
import { antpoolSignature } from '@/lib/integrations/antpool/signature';
import { btcToSats } from '@/lib/integrations/antpool/units';
import { createTestDb } from '../helpers/db';
import { clientFor } from './helpers';

let db: Db;
let drop: () => Promise<void>;
let server: FakeAntpool;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  server = await startFakeAntpool({ farm: buildFakeFarm({ subs: [{ userId: 'sub-a', workers: 120 }, { userId: 'sub-b', workers: 50, ownKey: true }] }) });
});
afterAll(async () => {
  await server.close();
  await drop();
});
beforeEach(async () => {
  server.setFaults(null);
  await db.delete(poolApiCallLogs);
});

const requestsDuring = async (fn: () => Promise<unknown>) => {
  const before = server.stats.requests;
  await fn().catch(() => undefined);
  return server.stats.requests - before;
};

describe('signature and nonce', () => {
  it('matches an HMAC-SHA256 computed by openssl, upper-case hex', () => {
    expect(antpoolSignature('s3cret', 'hi-main', 'key-hi-main', 1700000000000)).toBe('EF0F23CC0C27CCB0E452169F6004627F631C1F52F68D7E690F900D7F72E5C1C4');
  });

  it('strictly increases per key when the clock repeats or steps back', async () => {
    const times = [1000, 1000, 1000, 990, 1005];
    const next = createNonceSource(db, () => times.shift()!);
    const nonces = [];
    for (let i = 0; i < 5; i++) nonces.push(await next('k'));
    expect(nonces).toEqual([1000, 1001, 1002, 1003, 1005]);
  });

  it('continues above the nonces another instance issued for the key, whatever this one’s clock says', async () => {
    const ahead = createNonceSource(db, () => 5_000);
    const behind = createNonceSource(db, () => 4_000);
    expect(await ahead('k2')).toBe(5_000);
    expect(await behind('k2')).toBe(5_001);
    expect(await ahead('k2')).toBe(5_002);
    expect(await behind('k3')).toBe(4_000);
  });

  it('keeps 30 concurrent calls on one key free of nonce errors', async () => {
    const api = antpoolApi(clientFor(db, server));
    const results = await Promise.all(Array.from({ length: 30 }, () => api.poolStats()));
    expect(results).toHaveLength(30);
    expect(server.stats.rejected.nonce).toBe(0);
  });
});

describe('errors and retries', () => {
  it('does not retry a signature error', async () => {
    const api = antpoolApi(clientFor(db, server, { credentials: { userId: 'hi-main', key: server.farm.key, secret: 'wrong' } }));
    const err = await api.poolStats().catch((e) => e);
    expect(err).toBeInstanceOf(AntpoolError);
    expect(err.kind).toBe('signature');
    expect(await requestsDuring(() => api.poolStats())).toBe(1);
  });

  it('does not retry an unknown key', async () => {
    const api = antpoolApi(clientFor(db, server, { credentials: { userId: 'hi-main', key: 'nope', secret: 'x' } }));
    expect((await api.poolStats().catch((e) => e)).kind).toBe('api_key');
    expect(await requestsDuring(() => api.poolStats())).toBe(1);
  });

  it('retries 5xx up to maxAttempts, then throws the HTTP error', async () => {
    server.setFaults({ rate: 1, kinds: ['5xx'] });
    const api = antpoolApi(clientFor(db, server, { maxAttempts: 3 }));
    expect(await requestsDuring(() => api.poolStats())).toBe(3);
    expect((await api.poolStats().catch((e) => e)).kind).toBe('http');
  });

  it('recovers from injected nonce errors and timeouts', async () => {
    server.setFaults({ rate: 0.5, kinds: ['nonce', 'timeout'], seed: 7, hangMs: 1_000 });
    const api = antpoolApi(clientFor(db, server, { timeoutMs: 150, maxAttempts: 8 }));
    const ok = await api.poolStats();
    expect(Number(ok.poolHashrateHs)).toBeGreaterThan(0);
    const errors = await db.select().from(poolApiCallLogs).where(sql`${poolApiCallLogs.status} = 'error'`);
    expect(errors.length).toBe(server.stats.faults.nonce + server.stats.faults.timeout);
  });

  it('refuses a sub-account the key does not own (permission, not retried)', async () => {
    const sub = server.farm.subs[1]!;
    const api = antpoolApi(clientFor(db, server, { credentials: { userId: sub.userId, key: sub.key!, secret: sub.secret! } }));
    expect((await api.account('sub-a').catch((e) => e)).kind).toBe('permission');
    expect((await api.account(sub.userId)).earnTotalSats).toBeGreaterThan(0);
  });
});

describe('pagination', () => {
  it('walks every page of 50 despite the short-page quirk', async () => {
    const client = clientFor(db, server);
    const { workers, pages, totalRecord } = await antpoolApi(client).workers('sub-a');
    expect(pages).toBe(3);
    expect(totalRecord).toBe(120);
    expect(new Set(workers.map((w) => w.workerName)).size).toBe(120);
    expect(client.calls).toBe(3);
  });

  it('rejects a page size over 50 as Antpool does', async () => {
    const err = (await clientFor(db, server).call('userWorkerList', { coinType: 'BTC', page: 1, pageSize: 100 }).catch((e: unknown) => e)) as AntpoolError;
    expect(err.kind).toBe('invalid_param');
  });
});

describe('budget and call log', () => {
  it('logs every call with its budget left and stops at the planned limit', async () => {
    const api = antpoolApi(clientFor(db, server, { budget: new DbRateBudget(db, 4), maxBudgetWaitMs: 0 }));
    for (let i = 0; i < 4; i++) await api.poolStats();
    const err = await api.poolStats().catch((e) => e);
    expect(err.kind).toBe('budget');
    const logs = await db.select().from(poolApiCallLogs).orderBy(poolApiCallLogs.id);
    expect(logs.map((l) => l.budgetLeft)).toEqual([3, 2, 1, 0]);
    expect(logs.every((l) => l.status === 'ok' && l.endpoint === 'poolStats' && (l.ms ?? -1) >= 0)).toBe(true);
  });
});

describe('amounts', () => {
  it('converts BTC strings to satoshis exactly', () => {
    expect(btcToSats('0.00123456')).toBe(123456);
    expect(btcToSats('12.3')).toBe(1_230_000_000);
    expect(btcToSats('0.1')).toBe(10_000_000);
    expect(btcToSats('-0.00000001')).toBe(-1);
  });
});
