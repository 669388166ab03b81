import { InngestTestEngine } from '@inngest/test';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { poolAccountBalances, poolAccounts, poolApiCallLogs, poolCollectionRuns, poolDailyWorkerSummaries, poolHashrates, poolPaymentHistory, poolStats, poolWorkerAlerts, poolWorkers } from '@/db/schema';
import type { Jobs } from '@/inngest';
import { collectTier2Account } from '@/lib/integrations/antpool/collect';
import { configureFakeAccounts } from '@/lib/integrations/antpool/fake-accounts';
import { buildFakeFarm } from '@/lib/integrations/antpool/fake-farm';
import { type FakeAntpool, startFakeAntpool } from '@/lib/integrations/antpool/fake-server';
import { type Antpool, createAntpool } from '@/lib/integrations/antpool/factory';
import { encryptSecret } from '@/lib/integrations/antpool/secrets';
import { createTestDb } from '../helpers/db';
import { testJobs } from '../helpers/jobs';
import { makeOrg } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
let server: FakeAntpool;
let orgId: string;
let ids: { mainId: string; subIds: Record<string, string> };
let antpool: Antpool;
let jobs: Jobs['jobs'];
let functions: Jobs['functions'];

// sub-a has its own key; sub-b is read through the main key.
const farm = buildFakeFarm({ seed: 'tiers', subs: [{ userId: 'sub-a', workers: 120, ownKey: true }, { userId: 'sub-b', workers: 60 }] });
const run = async (name: 'poolTier1' | 'poolTier2' | 'poolTier3' | 'poolTier4') => {
  const out = await new InngestTestEngine({ function: jobs[name] }).execute();
  expect(out.error).toBeUndefined();
  return out.result as Record<string, unknown>;
};
const n = async (table: typeof poolWorkers | typeof poolHashrates | typeof poolAccountBalances | typeof poolStats | typeof poolPaymentHistory | typeof poolDailyWorkerSummaries | typeof poolCollectionRuns) =>
  (await db.select({ n: count() }).from(table))[0]!.n;
const openAlerts = async (kind: 'worker_offline' | 'low_hashrate' | 'api_failure' | 'budget_warning') =>
  db.select().from(poolWorkerAlerts).where(and(eq(poolWorkerAlerts.kind, kind), isNull(poolWorkerAlerts.resolvedAt)));

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  server = await startFakeAntpool({ farm });
  antpool = createAntpool({ baseUrl: server.url, baseDelayMs: 1, timeoutMs: 2_000 });
  ({ jobs, functions } = testJobs({ db, antpool }));
  orgId = (await makeOrg(db)).id;
  ids = await configureFakeAccounts(db, orgId, farm);
});
afterAll(async () => {
  await server.close();
  await drop();
});
beforeEach(() => server.setFaults(null));

describe('pool tiers (Inngest, against the local Antpool server)', () => {
  it('registers four crons', () => {
    for (const f of [jobs.poolTier1, jobs.poolTier2, jobs.poolTier3, jobs.poolTier4]) expect(functions).toContain(f);
  });

  it('Tier 1 stores pool stats, balances, hashrates and offline alerts; a re-run duplicates nothing', async () => {
    const before = server.stats.requests;
    await run('poolTier1');
    // poolStats + (account, overview) × 3 accounts + one offline list per leaf with offline workers.
    const offlineLeaves = farm.subs.filter((s) => s.workers.some((w) => farm.offline.has(w))).length;
    expect(server.stats.requests - before).toBe(1 + 2 * 3 + offlineLeaves);
    expect(await n(poolStats)).toBe(1);
    expect(await n(poolAccountBalances)).toBe(3);
    expect(await n(poolHashrates)).toBe(3);
    expect((await openAlerts('worker_offline')).length).toBe(farm.offline.size);
    const [bal] = await db.select().from(poolAccountBalances).where(eq(poolAccountBalances.accountId, ids.subIds['sub-a']!));
    expect(bal!.earnTotalSats).toBe(bal!.paidOutSats + bal!.balanceSats);
    await run('poolTier1');
    expect(await n(poolAccountBalances)).toBe(3);
    expect((await openAlerts('worker_offline')).length).toBe(farm.offline.size);
    const runs = await db.select().from(poolCollectionRuns).where(eq(poolCollectionRuns.tier, 1));
    expect(runs).toHaveLength(2);
    expect(runs[0]!.accountsOk).toBe(4);
  });

  it('Tier 2 pages through every leaf account, flags low hashrate, and re-runs without duplicates', async () => {
    const before = server.stats.requests;
    const result = await run('poolTier2');
    expect(server.stats.requests - before).toBe(3 + 2);
    expect(result).toMatchObject({ tier: 2, ok: 2, failed: 0 });
    expect(await n(poolWorkers)).toBe(180);
    expect((await openAlerts('low_hashrate')).length).toBe(farm.low.size);
    await run('poolTier2');
    const [dups] = await db.select({ total: count(), distinct: sql<number>`count(distinct (${poolWorkers.accountId}, ${poolWorkers.workerName}, ${poolWorkers.recordedAt}))::int` }).from(poolWorkers);
    expect(dups!.total).toBe(dups!.distinct);
    expect(server.stats.budgetExceeded).toBe(0);
  });

  it('resolves a worker\'s offline alert when it comes back', async () => {
    const worker = [...farm.offline].find((w) => w.startsWith('sub-a'))!;
    farm.offline.delete(worker);
    try {
      await run('poolTier2');
      const [alert] = await db.select().from(poolWorkerAlerts).where(eq(poolWorkerAlerts.subject, `sub-a/${worker}`));
      expect(alert!.resolvedAt).not.toBeNull();
      expect((await openAlerts('worker_offline')).length).toBe(farm.offline.size);
    } finally {
      farm.offline.add(worker);
    }
  });

  it('keeps collecting the other accounts when one fails, and raises then clears an API-failure alert', async () => {
    const subA = ids.subIds['sub-a']!;
    const good = (await db.select().from(poolAccounts).where(eq(poolAccounts.id, subA)))[0]!.secretEnc;
    await db.update(poolAccounts).set({ secretEnc: encryptSecret('wrong', { orgId, userId: 'sub-a' }) }).where(eq(poolAccounts.id, subA));
    const before = server.stats.rejected.signature;
    const result = await run('poolTier2');
    expect(result).toMatchObject({ ok: 1, failed: 1 });
    expect(server.stats.rejected.signature - before).toBe(1);
    expect((await openAlerts('api_failure')).map((a) => a.subject)).toEqual(['sub-a']);
    await db.update(poolAccounts).set({ secretEnc: good }).where(eq(poolAccounts.id, subA));
    await run('poolTier2');
    expect(await openAlerts('api_failure')).toHaveLength(0);
  });

  it('Tier 3 stores earnings and payouts once, and shares a day\'s earnings over its workers', async () => {
    const now = new Date();
    const yesterday = new Date(Math.floor(now.getTime() / 86_400_000) * 86_400_000 - 86_400_000);
    for (const h of [10, 11]) await collectTier2Account(antpool, db, ids.subIds['sub-b']!, new Date(yesterday.getTime() + h * 3_600_000));
    await run('poolTier3');
    await run('poolTier3');
    const recv = await db.select().from(poolPaymentHistory).where(and(eq(poolPaymentHistory.accountId, ids.subIds['sub-b']!), eq(poolPaymentHistory.kind, 'recv')));
    expect(recv).toHaveLength(50);
    expect(recv.every((r) => r.amountSats === (r.fppsBlockSats ?? 0) + (r.fppsFeeSats ?? 0))).toBe(true);
    const day = yesterday.toISOString().slice(0, 10);
    const summaries = await db.select().from(poolDailyWorkerSummaries).where(and(eq(poolDailyWorkerSummaries.accountId, ids.subIds['sub-b']!), eq(poolDailyWorkerSummaries.day, day)));
    expect(summaries).toHaveLength(60);
    const earned = recv.find((r) => r.paidAt.getTime() === yesterday.getTime())!.amountSats;
    const shared = summaries.reduce((s, r) => s + r.earnedSats, 0);
    expect(shared).toBeLessThanOrEqual(earned);
    expect(shared).toBeGreaterThan(earned - 60);
    const off = summaries.find((s) => farm.offline.has(s.workerName))!;
    expect(Number(off.efficiency)).toBe(0);
  });

  it('Tier 4 deletes what has expired and keeps daily summaries and payments', async () => {
    const old = (days: number) => new Date(Date.now() - days * 86_400_000);
    const acc = ids.subIds['sub-b']!;
    await db.insert(poolHashrates).values({ accountId: acc, recordedAt: old(4), hs10m: '1', hs1h: '1', hs1d: '1', totalWorkers: 1, activeWorkers: 1, inactiveWorkers: 0 });
    await db.insert(poolWorkers).values({ accountId: acc, workerName: 'gone', recordedAt: old(8), hs10m: '1', hs1h: '1', hs1d: '1', status: 'online' });
    await db.insert(poolWorkerAlerts).values({ orgId, accountId: acc, kind: 'low_hashrate', subject: 'old', openedAt: old(20), lastSeenAt: old(20), resolvedAt: old(15) });
    await db.insert(poolApiCallLogs).values({ endpoint: 'account', startedAt: old(31), status: 'ok' });
    const summariesBefore = await n(poolDailyWorkerSummaries);
    const paymentsBefore = await n(poolPaymentHistory);
    const hashratesBefore = await n(poolHashrates);
    const result = (await run('poolTier4')) as { deleted: Record<string, number> };
    expect(result.deleted).toMatchObject({ hashrates: 1, workers: 1, alerts: 1, apiLogs: 1 });
    expect(await n(poolHashrates)).toBe(hashratesBefore - 1);
    expect(await n(poolDailyWorkerSummaries)).toBe(summariesBefore);
    expect(await n(poolPaymentHistory)).toBe(paymentsBefore);
    expect(((await run('poolTier4')) as { deleted: Record<string, number> }).deleted).toMatchObject({ hashrates: 0, workers: 0, alerts: 0, apiLogs: 0 });
  });
});
