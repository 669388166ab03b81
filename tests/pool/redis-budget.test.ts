import { connect } from 'node:net';
import { Redis } from '@upstash/redis';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { poolApiCallLogs } from '@/db/schema';
import { antpoolApi } from '@/lib/integrations/antpool/api';
import { buildFakeFarm } from '@/lib/integrations/antpool/fake-farm';
import { type FakeAntpool, startFakeAntpool } from '@/lib/integrations/antpool/fake-server';
import { RedisRateBudget } from '@/lib/integrations/antpool/redis-budget';
import { createTestDb } from '../helpers/db';
import { clientFor } from './helpers';
import { type FakeUpstash, startFakeUpstash } from './fake-upstash';

// The budget runs on the machine's Redis (127.0.0.1:6379) behind a local Upstash-REST relay.
const redisUp = await new Promise<boolean>((resolve) => {
  const s = connect(6379, '127.0.0.1');
  s.once('connect', () => (s.destroy(), resolve(true))).once('error', () => resolve(false));
});

let db: Db;
let drop: () => Promise<void>;
let upstash: FakeUpstash;
const WINDOW = 600_000;
const key = () => `hi:test:budget:${process.pid}:${Math.random().toString(36).slice(2)}`;
const instance = (k: string, limit: number) => new RedisRateBudget(new Redis({ url: upstash.url, token: upstash.token }), db, limit, WINDOW, k);

describe.skipIf(!redisUp)('Redis rate budget (Upstash REST protocol over a real local Redis)', () => {
  beforeAll(async () => {
    ({ db, drop } = await createTestDb());
    upstash = await startFakeUpstash();
  });
  afterAll(async () => {
    await upstash.close();
    await drop();
  });

  it('never hands out more than the limit across instances racing for it, and says when a slot frees', async () => {
    const k = key();
    const a = instance(k, 20);
    const b = instance(k, 20);
    const t0 = new Date('2026-03-01T10:00:00Z');
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).reserve({ endpoint: 'account', attempt: 1 }, new Date(t0.getTime() + i))));
    const granted = results.filter((r) => 'id' in r);
    expect(granted).toHaveLength(20);
    expect(new Set(granted.map((r) => ('left' in r ? r.left : -1)))).toEqual(new Set(Array.from({ length: 20 }, (_, i) => i)));
    for (const r of results.filter((x) => 'waitMs' in x)) expect((r as { waitMs: number }).waitMs).toBeGreaterThan(WINDOW - 100);
    expect(await a.used(new Date(t0.getTime() + 60))).toBe(20);
    expect(upstash.commands).toContain('eval');
    // Every granted request is in the call log, as with the database budget.
    const [{ n }] = (await db.select({ n: count() }).from(poolApiCallLogs)) as [{ n: number }];
    expect(n).toBe(20);
  });

  it('frees slots as the window slides past them', async () => {
    const k = key();
    const bud = instance(k, 3);
    const t0 = Date.parse('2026-03-01T11:00:00Z');
    for (const dt of [0, 1000, 2000]) expect('id' in (await bud.reserve({ endpoint: 'x', attempt: 1 }, new Date(t0 + dt)))).toBe(true);
    const full = await bud.reserve({ endpoint: 'x', attempt: 1 }, new Date(t0 + 5000));
    expect(full).toEqual({ waitMs: WINDOW - 5000 + 1 });
    // The first slot (t0) leaves the window at t0 + 10 min; one more fits, then it is full again.
    expect('id' in (await bud.reserve({ endpoint: 'x', attempt: 1 }, new Date(t0 + WINDOW + 1)))).toBe(true);
    expect('waitMs' in (await bud.reserve({ endpoint: 'x', attempt: 1 }, new Date(t0 + WINDOW + 2)))).toBe(true);
    expect(await bud.used(new Date(t0 + WINDOW + 2))).toBe(3);
    expect(await bud.used(new Date(t0 + 3 * WINDOW))).toBe(0);
  });

  it('drives the Antpool client: calls are logged with their outcome', async () => {
    const farm = buildFakeFarm({ seed: 'redis', subs: [{ userId: 'sub-r', workers: 5 }] });
    const server: FakeAntpool = await startFakeAntpool({ farm });
    try {
      const bud = instance(key(), 10);
      const api = antpoolApi(clientFor(db, server, { budget: bud }));
      await Promise.all(Array.from({ length: 4 }, () => api.poolStats()));
      const since = new Date(Date.now() - 60_000);
      const rows = (await db.select().from(poolApiCallLogs)).filter((r) => r.startedAt > since);
      expect(rows).toHaveLength(4);
      expect(rows.every((r) => r.status === 'ok' && r.ms !== null)).toBe(true);
      expect(server.stats.requests).toBe(4);
      expect(await bud.used(new Date())).toBe(4);
    } finally {
      await server.close();
    }
  });
});
