import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { refreshPatternLinks } from '@/db/queries/pool/links';
import { customerDailyEarnings, listPoolWorkers, poolVsMinerByAccount } from '@/db/queries/pool/views';
import { miners, poolAccounts, poolDailyWorkerSummaries, poolWorkers, telemetryHistory5min } from '@/db/schema';
import { scopeFor } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeMiner, makeOrg, makeSite } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
const id = {} as Record<'a' | 'b' | 'c1' | 'c2' | 'm1' | 'm2' | 'm3' | 'acc1' | 'acc2', string>;
const page = { page: 1, pageSize: 50 };
const scope = (role: 'OWNER' | 'MINING_SITE_OWNER' | 'CLIENT', sites: string[] = [], customers: string[] = []) => scopeFor({ orgId, role, assignedSiteIds: sites, linkedCustomerIds: customers });

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  orgId = (await makeOrg(db)).id;
  const a = await makeSite(db, orgId, 'Alpha');
  const b = await makeSite(db, orgId, 'Bravo');
  const c1 = await makeCustomer(db, orgId);
  const c2 = await makeCustomer(db, orgId);
  Object.assign(id, { a: a.id, b: b.id, c1: c1.id, c2: c2.id });
  // m1 (c1, Alpha), m2 (c1, Bravo), m3 (c2, Alpha); worker w4 matches nothing.
  for (const [name, site, cust] of [['m1', a.id, c1.id], ['m2', b.id, c1.id], ['m3', a.id, c2.id]] as const) {
    const row = await makeMiner(db, { orgId, siteId: site, customerId: cust });
    await db.update(miners).set({ name }).where(eq(miners.id, row.id));
    id[name] = row.id;
  }
  const accounts = await db.insert(poolAccounts).values([{ orgId, label: 'Acct 1', userId: 'u1' }, { orgId, label: 'Acct 2', userId: 'u2' }]).returning();
  id.acc1 = accounts[0]!.id;
  id.acc2 = accounts[1]!.id;
  // The newest hour is the one the table shows; an older hour must be ignored.
  const now = new Date();
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const older = new Date(hour.getTime() - 3_600_000);
  const w = (accountId: string, workerName: string, ths: number, at = hour) => ({ accountId, workerName, recordedAt: at, hs10m: String(ths * 1e12), hs1h: String(ths * 1e12), hs1d: String(ths * 1e12), status: 'online' as const });
  await db.insert(poolWorkers).values([w(id.acc1, 'u1.m1', 100), w(id.acc1, 'u1.m2', 80), w(id.acc1, 'u1.m2', 999, older), w(id.acc2, 'u2.m3', 120), w(id.acc2, 'u2.w4', 50)]);
  for (const acc of [id.acc1, id.acc2]) await refreshPatternLinks(db, { orgId, accountId: acc, pattern: '^[^.]+\\.(.+)$', recordedAt: hour });
  // The miners' own figures over the last hour: m1 100 → 0 %, m2 100 → pool −20 %; m3 has reported nothing.
  const five = (minerId: string, siteId: string, ths: number, minutesAgo: number) => ({ minerId, orgId, siteId, bucket: new Date(Math.floor((now.getTime() - minutesAgo * 60_000) / 300_000) * 300_000), samples: 10, onlineSamples: 10, onlineRatio: 1, hashrateAvgThs: ths });
  await db.insert(telemetryHistory5min).values([five(id.m1, a.id, 98, 10), five(id.m1, a.id, 102, 20), five(id.m2, b.id, 100, 10), five(id.m2, b.id, 5, 180)]);

  const day = (accountId: string, workerName: string, d: string, sats: number) => ({ accountId, workerName, day: d, avgHs: '1e14', onlineHours: 24, observedHours: 24, earnedSats: sats, efficiency: '1' });
  await db.insert(poolDailyWorkerSummaries).values([
    day(id.acc1, 'u1.m1', '2026-03-01', 1000),
    day(id.acc1, 'u1.m2', '2026-03-01', 500),
    day(id.acc2, 'u2.m3', '2026-03-01', 700),
    day(id.acc2, 'u2.w4', '2026-03-01', 9999),
    day(id.acc1, 'u1.m1', '2026-03-02', 1100),
    day(id.acc1, 'u1.m1', '2026-02-27', 123),
  ]);
});
afterAll(() => drop());

describe('pool views', () => {
  it('daily earnings per customer: only linked workers, summed per customer and day, within the range', async () => {
    const all = await customerDailyEarnings(db, scope('OWNER'), { from: '2026-03-01', to: '2026-03-02' });
    expect(all).toEqual([
      { customerId: id.c1, day: '2026-03-01', earnedSats: 1500, workers: 2 },
      { customerId: id.c2, day: '2026-03-01', earnedSats: 700, workers: 1 },
      { customerId: id.c1, day: '2026-03-02', earnedSats: 1100, workers: 1 },
    ].sort((x, y) => x.day.localeCompare(y.day) || x.customerId.localeCompare(y.customerId)));
  });

  it('daily earnings are scoped: a client sees its customer, a site owner only its sites’ miners', async () => {
    const client = await customerDailyEarnings(db, scope('CLIENT', [], [id.c2]), { from: '2026-03-01', to: '2026-03-02' });
    expect(client).toEqual([{ customerId: id.c2, day: '2026-03-01', earnedSats: 700, workers: 1 }]);
    const bravo = await customerDailyEarnings(db, scope('MINING_SITE_OWNER', [id.b]), { from: '2026-03-01', to: '2026-03-01' });
    expect(bravo).toEqual([{ customerId: id.c1, day: '2026-03-01', earnedSats: 500, workers: 1 }]);
  });

  it('puts the miner’s own last-hour hashrate beside the pool’s, filters and sorts by the deviation', async () => {
    const rows = (await listPoolWorkers(db, scope('OWNER'), {}, page)).rows;
    expect(rows.map((r) => r.workerName)).toEqual(['u1.m1', 'u1.m2', 'u2.m3', 'u2.w4']);
    const by = Object.fromEntries(rows.map((r) => [r.workerName, r]));
    expect(by['u1.m1']!.minerThs).toBeCloseTo(100, 6);
    expect(by['u1.m2']!.minerThs).toBeCloseTo(100, 6);
    expect(by['u1.m2']!.hs1h).toBe('80000000000000');
    expect(by['u2.m3']!.minerThs).toBeNull();
    expect(by['u2.w4']!.minerId).toBeNull();
    const deviant = await listPoolWorkers(db, scope('OWNER'), { deviationOverPct: 10 }, page);
    expect(deviant.rows.map((r) => r.workerName)).toEqual(['u1.m2']);
    const sorted = await listPoolWorkers(db, scope('OWNER'), { sort: 'deviation', dir: 'desc' }, page);
    expect(sorted.rows.slice(0, 2).map((r) => r.workerName)).toEqual(['u1.m2', 'u1.m1']);
    const byHs = await listPoolWorkers(db, scope('OWNER'), { sort: 'hs1h', dir: 'desc' }, page);
    expect(byHs.rows.map((r) => r.workerName)).toEqual(['u2.m3', 'u1.m1', 'u1.m2', 'u2.w4']);
    expect((await listPoolWorkers(db, scope('OWNER'), { accountId: id.acc2 }, page)).total).toBe(2);
    expect((await listPoolWorkers(db, scope('MINING_SITE_OWNER', [id.b]), {}, page)).rows.map((r) => r.workerName)).toEqual(['u1.m2']);
    expect((await listPoolWorkers(db, scope('OWNER'), {}, { page: 2, pageSize: 3 })).rows.map((r) => r.workerName)).toEqual(['u2.w4']);
  });

  it('summarises pool vs miner hashrate per account over the workers both reported', async () => {
    const s = await poolVsMinerByAccount(db, orgId);
    expect(s.map((r) => [r.account, r.workers, r.linked, r.compared])).toEqual([
      ['Acct 1', 2, 2, 2],
      ['Acct 2', 2, 1, 0],
    ]);
    expect(s[0]!.poolThs).toBeCloseTo(180, 6);
    expect(s[0]!.minerThs).toBeCloseTo(200, 6);
    expect(s[1]!.poolThs).toBeNull();
  });
});
