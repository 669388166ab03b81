import { count, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listMinersWithoutWorker, listUnmatchedWorkers } from '@/db/queries/pool/mismatches';
import { miners, poolAccounts, poolDailyWorkerSummaries, poolPaymentHistory, poolWorkerAlerts, poolWorkerLinks, poolWorkers } from '@/db/schema';
import { seedDemoPool } from '@/lib/demo/pool-demo';
import { scopeFor } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
const n = async (t: typeof poolWorkers | typeof poolWorkerLinks | typeof poolPaymentHistory | typeof poolDailyWorkerSummaries | typeof poolAccounts) => (await db.select({ n: count() }).from(t))[0]!.n;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  orgId = (await makeOrg(db)).id;
  const site = await makeSite(db, orgId, "Ya'an Hydro");
  for (let i = 0; i < 120; i++) {
    const m = await makeMiner(db, { orgId, siteId: site.id });
    await db.update(miners).set({ name: `SC-${i}`, workerName: `c001.sc-${i}` }).where(eq(miners.id, m.id));
  }
});
afterAll(() => drop());

describe('demo pool seed', () => {
  it('writes demo accounts, workers linked to the demo miners, money and alerts; a re-run duplicates nothing', async () => {
    const now = new Date('2026-03-10T12:34:00Z');
    const first = await seedDemoPool(db, orgId, now);
    const counts = [await n(poolAccounts), await n(poolWorkers), await n(poolWorkerLinks), await n(poolPaymentHistory), await n(poolDailyWorkerSummaries)];
    expect(first.accounts).toBe(4);
    expect(counts[1]).toBe(first.workers);
    await seedDemoPool(db, orgId, now);
    expect([await n(poolAccounts), await n(poolWorkers), await n(poolWorkerLinks), await n(poolPaymentHistory), await n(poolDailyWorkerSummaries)]).toEqual(counts);
    const labels = (await db.select({ l: poolAccounts.label }).from(poolAccounts)).map((r) => r.l);
    expect(labels.every((l) => l.startsWith('Demo · '))).toBe(true);
    const owner = scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] });
    // Indexes are over the miners sorted by worker name: 3 → sc-100, 100 → sc-81 renamed; 5 → sc-102 has no worker, and the renamed ones leave their miners without one too.
    const unmatched = (await listUnmatchedWorkers(db, owner, {}, { page: 1, pageSize: 50 })).rows.map((r) => r.workerName);
    expect(unmatched).toEqual(expect.arrayContaining(['spare.rig-01', 'spare.rig-02', 'c001.sc-100-old', 'c001.sc-81-old']));
    expect((await listMinersWithoutWorker(db, owner, {}, { page: 1, pageSize: 50 })).rows.map((r) => r.name)).toEqual(['SC-100', 'SC-102', 'SC-81']);
    const linked = (await db.select({ n: count() }).from(poolWorkerLinks).where(sql`${poolWorkerLinks.minerId} is not null`))[0]!.n;
    expect(linked).toBe(first.workers - unmatched.length);
    expect((await db.select({ n: count() }).from(poolWorkerAlerts).where(isNull(poolWorkerAlerts.resolvedAt)))[0]!.n).toBeGreaterThan(0);
    expect((await db.select({ n: count() }).from(poolWorkerAlerts).where(sql`${poolWorkerAlerts.resolvedAt} is not null`))[0]!.n).toBe(4);
  });
});
