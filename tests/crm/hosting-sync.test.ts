import { InngestTestEngine } from '@inngest/test';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { latestHostingNetwork } from '@/db/queries/crm/hosting-network';
import { syncCustomersFromHosting } from '@/db/queries/crm/hosting-sync';
import { syncCounts } from '@/db/queries/crm/sync-status';
import { crmSyncRuns, customers } from '@/db/schema';
import { hostingRevenue } from '@/lib/domain/crm/hosting-stats';
import { syncStatus } from '@/lib/domain/crm/sync-health';
import { createTestDb } from '../helpers/db';
import { testJobs } from '../helpers/jobs';
import { crmFarm, customerRow, line } from './hosting-fixture';

let db: Db;
let drop: () => Promise<void>;
let f: Awaited<ReturnType<typeof crmFarm>>;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  f = await crmFarm(db);
});
afterAll(() => drop());

const system = (orgId: string) => ({ orgId, userId: null, scope: { orgId, sites: 'all' as const, customers: 'all' as const } });
const snapshotOfCustomers = () => db.select().from(customers).orderBy(customers.id);
const runs = () => db.select().from(crmSyncRuns).orderBy(crmSyncRuns.startedAt);

describe('sync: hosting → CRM fields', () => {
  it('writes linked customers, skips unlinked ones, fails an e-mail two customers share', async () => {
    const network = await latestHostingNetwork(db);
    const now = new Date('2026-12-06T04:10:00Z');
    const r = await syncCustomersFromHosting(db, system(f.org.id), { kind: 'batch', trigger: 'schedule', runKey: 'k1', network, now });
    // alice, zed linked; dup1, dup2 ambiguous; bob, carol not linked. The other org's customer is not looked at.
    expect(r).toMatchObject({ total: 6, synced: 2, skipped: 2, errors: 2, changed: 2 });
    const alice = await customerRow(db, f.alice.id);
    const kpiThs = 5 * Number(f.s19.hashrateThs) + Number(f.s21.hashrateThs);
    expect(alice).toMatchObject({ hostingMinersCount: 7, hostingPrimaryModel: f.s19.name, hostingSyncError: null, hostingSyncedAt: now });
    expect(alice.hostingRevenueCentsPerDay).toBe(hostingRevenue(kpiThs, network)!.cents);
    expect(alice.hostingRevenueSatsPerDay).toBe(hostingRevenue(kpiThs, network)!.sats);
    expect(await customerRow(db, f.zed.id)).toMatchObject({ hostingMinersCount: 0, hostingPrimaryModel: null, hostingRevenueCentsPerDay: 0 });
    expect(await customerRow(db, f.bob.id)).toMatchObject({ hostingMinersCount: null, hostingSyncedAt: null, hostingSyncError: null });
    expect(await customerRow(db, f.dup2.id)).toMatchObject({ hostingMinersCount: null, hostingSyncError: 'DUPLICATE_EMAIL' });
    expect(await customerRow(db, f.foreign.id)).toMatchObject({ hostingSyncedAt: null });
  });

  it('is idempotent: the same run again changes no row and logs no second run', async () => {
    const network = await latestHostingNetwork(db);
    const now = new Date('2026-12-06T04:10:00Z');
    const before = await snapshotOfCustomers();
    const logBefore = await runs();
    const again = await syncCustomersFromHosting(db, system(f.org.id), { kind: 'batch', trigger: 'schedule', runKey: 'k1', network, now });
    expect(again).toMatchObject({ synced: 2, errors: 2, changed: 0 });
    expect(await snapshotOfCustomers()).toEqual(before);
    expect(await runs()).toEqual(logBefore);
  });

  it('a later run with nothing new changes no figure: only the sync time moves', async () => {
    const network = await latestHostingNetwork(db);
    const later = new Date('2026-12-07T04:10:00Z');
    const before = await snapshotOfCustomers();
    const r = await syncCustomersFromHosting(db, system(f.org.id), { kind: 'batch', trigger: 'schedule', runKey: 'k2', network, now: later });
    expect(r.changed).toBe(0);
    const after = await snapshotOfCustomers();
    const strip = (rows: typeof before) => rows.map(({ hostingSyncedAt: _s, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
    expect((await customerRow(db, f.alice.id)).hostingSyncedAt).toEqual(later);
  });

  it('a new miner changes the count and the revenue on the next run', async () => {
    await line(db, { orgId: f.org.id, siteId: f.a.id, customerId: f.zed.id, model: 1, quantity: 2 });
    const r = await syncCustomersFromHosting(db, system(f.org.id), { customerId: f.zed.id, kind: 'customer', trigger: 'api', runKey: 'k3', network: await latestHostingNetwork(db), now: new Date('2026-12-07T05:00:00Z') });
    expect(r).toMatchObject({ total: 1, synced: 1, changed: 1 });
    expect(await customerRow(db, f.zed.id)).toMatchObject({ hostingMinersCount: 2, hostingPrimaryModel: f.s21.name });
  });

  it('without a network snapshot the revenue is unknown (null), not 0', async () => {
    await syncCustomersFromHosting(db, system(f.org.id), { customerId: f.alice.id, kind: 'customer', trigger: 'api', runKey: 'k4', network: null, now: new Date('2026-12-07T06:00:00Z') });
    expect(await customerRow(db, f.alice.id)).toMatchObject({ hostingMinersCount: 7, hostingRevenueCentsPerDay: null });
  });
});

describe('sync health', () => {
  it('link rate, last batch and error rate from the runs', async () => {
    const now = new Date('2026-12-07T06:00:00Z');
    const c = await syncCounts(db, system(f.org.id), now);
    // 4 of 6 linked (alice, dup1, dup2, zed); the last batch k2; errors 2+2 of 2+2+2+2+1+1 operations.
    expect(c).toMatchObject({ totalCustomers: 6, linkedCustomers: 4, lastBatchAt: expect.any(Date), operations: 10, errors: 4 });
    const s = syncStatus(c, now);
    expect(s.linkRatePct).toBe(66.7);
    expect(s.issues).toEqual(['HIGH_ERROR_RATE']);
  });
});

describe('the daily Inngest function', () => {
  it('syncs every organization; a retry with the same clock writes nothing more', async () => {
    await db.execute(sql`delete from crm_sync_runs`);
    const now = new Date('2026-12-08T04:10:00Z');
    const { jobs } = testJobs({ db, now: () => now });
    const first = await new InngestTestEngine({ function: jobs.crmSyncHosting }).execute();
    expect(first.error).toBeUndefined();
    expect(first.result).toMatchObject({ organizations: 2, synced: 2, skipped: 3, errors: 2 });
    const before = await snapshotOfCustomers();
    const second = await new InngestTestEngine({ function: jobs.crmSyncHosting }).execute();
    expect(second.result).toMatchObject({ changed: 0 });
    expect(await snapshotOfCustomers()).toEqual(before);
    expect(await runs()).toHaveLength(2);
    expect((await runs()).map((r) => r.trigger)).toEqual(['schedule', 'schedule']);
  });
});
