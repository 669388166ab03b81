import { InngestTestEngine } from '@inngest/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { hitRateLimit, peekRateLimit } from '@/db/queries/auth/rate-limit';
import { payload, snapshotStored } from '@/inngest/events';
import { MemoryStore } from '@/lib/integrations/market/cache';
import { createMarket } from '@/lib/integrations/market/current';
import { createTestDb } from '../helpers/db';
import { startFakeMarketServer } from '../helpers/fake-market-server';
import { testJobs } from '../helpers/jobs';

const DAY = 86_400_000;
let a: { db: Db; drop: () => Promise<void> };
let b: { db: Db; drop: () => Promise<void> };
let fake: Awaited<ReturnType<typeof startFakeMarketServer>>;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestDb(), createTestDb()]);
  fake = await startFakeMarketServer();
});
afterAll(async () => {
  await fake.close();
  await Promise.all([a.drop(), b.drop()]);
});

describe('job dependencies come from the Inngest middleware of the client the jobs are built on', () => {
  it('two sets of jobs, side by side, each work on their own database and clock', async () => {
    const now = new Date();
    for (const { db } of [a, b]) await hitRateLimit(db, 'window', 900, now);
    // Set b runs three days ahead: for it the window has long expired; for set a it is fresh.
    const inA = testJobs({ db: a.db }).jobs.purgeRateLimits;
    const inB = testJobs({ db: b.db, now: () => new Date(now.getTime() + 3 * DAY) }).jobs.purgeRateLimits;
    const [ranA, ranB] = await Promise.all([new InngestTestEngine({ function: inA }).execute(), new InngestTestEngine({ function: inB }).execute()]);
    expect([ranA.result, ranB.result]).toMatchObject([{ deleted: 0 }, { deleted: 1 }]);
    expect(await peekRateLimit(a.db, 'window', 900, now)).not.toBeNull();
    expect(await peekRateLimit(b.db, 'window', 900, now)).toBeNull();
  });
});

describe('inngest/events.ts: one name and one schema per event, for producer and consumer', () => {
  it('the snapshot job announces an event the alert job accepts and acts on', async () => {
    const market = createMarket({ config: fake.config, store: new MemoryStore() });
    const { jobs } = testJobs({ db: a.db, market });
    const stored = await new InngestTestEngine({ function: jobs.storeNetworkSnapshot, steps: [{ id: 'announce', handler: () => ({ ids: ['test'] }) }] }).execute();
    const sent = (stored.ctx.step.sendEvent as unknown as { mock: { calls: [string, { name: string; data: { bucketStart: string } }][] } }).mock.calls[0]![1];
    expect(sent.name).toBe(snapshotStored.name);
    const evaluated = await new InngestTestEngine({ function: jobs.evaluateProfitabilityAlerts, events: [sent] }).execute();
    expect(evaluated.error).toBeUndefined();
    // The bucket was found (no "skipped"): the alert job read the snapshot the first job stored.
    expect(evaluated.result).toEqual({ bucket: sent.data.bucketStart, rules: 0, applied: 0, sent: 0, failed: 0, duplicate: 0 });
  });

  it('the alert job refuses a malformed event before any step touches the database', async () => {
    const { jobs } = testJobs({ db: a.db });
    const out = await new InngestTestEngine({ function: jobs.evaluateProfitabilityAlerts, events: [{ name: snapshotStored.name, data: { bucketStart: 'yesterday' } }] }).execute();
    // The SDK's EventValidationError is a NonRetriableError: the same data would be refused again.
    expect(out.error).toMatchObject({ name: 'EventValidationError', message: expect.stringContaining('bucketStart') });
    expect((out.ctx.step.run as unknown as { mock: { calls: unknown[] } }).mock.calls).toHaveLength(0);
  });

  it('a producer cannot build an event its consumers would refuse', () => {
    expect(payload(snapshotStored, { bucketStart: '2026-06-01T12:05:00.000Z' })).toEqual({ name: 'market/snapshot.stored', data: { bucketStart: '2026-06-01T12:05:00.000Z' } });
    expect(() => payload(snapshotStored, { bucketStart: 'yesterday' })).toThrow(/bucketStart/);
  });
});
