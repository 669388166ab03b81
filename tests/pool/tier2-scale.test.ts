import { InngestTestEngine } from '@inngest/test';
import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { poolWorkers } from '@/db/schema';
import type { Jobs } from '@/inngest';
import { PLANNED_LIMIT } from '@/lib/integrations/antpool/budget';
import { configureFakeAccounts } from '@/lib/integrations/antpool/fake-accounts';
import { type FakeAntpool, startFakeAntpool } from '@/lib/integrations/antpool/fake-server';
import { createAntpool } from '@/lib/integrations/antpool/factory';
import { createTestDb } from '../helpers/db';
import { testJobs } from '../helpers/jobs';
import { makeOrg } from '../helpers/fixtures';

/*
 * The done-when, as call counts (the wall-clock figure is in bench/antpool-tier2.ts):
 * Tier 2 over 6,000 workers in four sub-accounts, with 5% of requests failing (5xx, timeouts, nonce
 * errors, slow replies), uses at most 130 requests, stores every worker once per hour, and never
 * lets the server see more than 600 requests in 10 minutes. The client timeout is generous because
 * loaded CI machines stall (a stall would add a retry); an injected hang still outlasts it.
 */
let db: Db;
let drop: () => Promise<void>;
let server: FakeAntpool;
let jobs: Jobs['jobs'];

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  server = await startFakeAntpool({ faults: { rate: 0.05, kinds: ['5xx', 'timeout', 'nonce', 'slow'], seed: 2026, hangMs: 5_000, slowMs: 200 } });
  ({ jobs } = testJobs({ db, antpool: createAntpool({ baseUrl: server.url, baseDelayMs: 20, timeoutMs: 4_000 }) }));
  await configureFakeAccounts(db, (await makeOrg(db)).id, server.farm);
}, 60_000);
afterAll(async () => {
  await server.close();
  await drop();
});

const tier2 = async () => {
  const out = await new InngestTestEngine({ function: jobs.poolTier2 }).execute();
  expect(out.error).toBeUndefined();
  return out.result as { ok: number; failed: number };
};

describe('Tier 2 at 6,000 workers with 5% injected faults', () => {
  it('uses at most 130 requests and stores all 6,000 workers', async () => {
    expect(server.farm.subs.reduce((s, a) => s + a.workers.length, 0)).toBe(6000);
    const before = server.stats.requests;
    expect(await tier2()).toMatchObject({ ok: 4, failed: 0 });
    const used = server.stats.requests - before;
    expect(used).toBeLessThanOrEqual(130);
    const injected = Object.values(server.stats.faults).reduce((s, n) => s + n, 0);
    expect(injected).toBeGreaterThan(0);
    const [hour] = await db.select({ n: sql<number>`count(distinct ${poolWorkers.workerName})::int` }).from(poolWorkers);
    expect(hour!.n).toBe(6000);
  }, 120_000);

  it('re-runs without duplicates and the server never sees the budget exceeded', async () => {
    expect(await tier2()).toMatchObject({ ok: 4, failed: 0 });
    const [rows] = await db
      .select({ total: count(), distinct: sql<number>`count(distinct (${poolWorkers.accountId}, ${poolWorkers.workerName}, ${poolWorkers.recordedAt}))::int`, hours: sql<number>`count(distinct ${poolWorkers.recordedAt})::int` })
      .from(poolWorkers);
    expect(rows!.total).toBe(rows!.distinct);
    expect(rows!.total).toBe(6000 * rows!.hours);
    expect(server.stats.budgetExceeded).toBe(0);
    expect(server.stats.peakWindow).toBeLessThanOrEqual(PLANNED_LIMIT);
  }, 120_000);
});
