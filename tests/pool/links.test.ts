import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { linkWorker, setWorkerPattern, unlinkWorker } from '@/db/queries/pool/link-writes';
import { getWorkerLink, refreshPatternLinks } from '@/db/queries/pool/links';
import { listManualLinks, listMinersWithoutWorker, listUnmatchedWorkers, searchLinkableMiners } from '@/db/queries/pool/mismatches';
import { auditLog, miners, poolAccounts, poolWorkers } from '@/db/schema';
import type { Writer } from '@/lib/core/principal';
import { AppError } from '@/lib/core/errors';
import { scopeFor } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeMiner, makeOrg, makeSite } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let accountId: string;
let owner: Writer;
let siteB: Writer;
let client: Writer;
const m: Record<string, string> = {};
const HOUR = new Date('2026-03-01T10:00:00Z');
const page = { page: 1, pageSize: 50 };

const link = (w: string) => getWorkerLink(db, accountId, w);
const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : String(e)));
const relink = () => refreshPatternLinks(db, { orgId, accountId, pattern: '^[^.]+\\.(.+)$', recordedAt: HOUR });

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  orgId = (await makeOrg(db)).id;
  const a = await makeSite(db, orgId, 'Alpha');
  const b = await makeSite(db, orgId, 'Bravo');
  const cust = await makeCustomer(db, orgId);
  // Miner names are what the default pattern's group 1 must equal (case-insensitively).
  for (const [name, site] of [['A-1', a.id], ['A-2', a.id], ['A-4', a.id], ['B-1', b.id], ['B-2', b.id]] as const) {
    const row = await makeMiner(db, { orgId, siteId: site, customerId: name === 'A-1' ? cust.id : null });
    await db.update(miners).set({ name }).where(eq(miners.id, row.id));
    m[name] = row.id;
  }
  const [acc] = await db.insert(poolAccounts).values({ orgId, label: 'Sub A', userId: 'sub-a' }).returning();
  accountId = acc!.id;
  const workers = ['sub-a.a-1', 'sub-a.a-2', 'sub-a.b-1', 'sub-a.zz-9', 'sub-a.zz-8'];
  await db.insert(poolWorkers).values(workers.map((workerName) => ({ accountId, workerName, recordedAt: HOUR, hs10m: '1e14', hs1h: '1e14', hs1d: '1e14', status: 'online' as const })));
  await relink();
  owner = { orgId, userId: null, scope: scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] }) };
  siteB = { orgId, userId: null, scope: scopeFor({ orgId, role: 'MINING_SITE_OWNER', assignedSiteIds: [b.id], linkedCustomerIds: [] }) };
  client = { orgId, userId: null, scope: scopeFor({ orgId, role: 'CLIENT', assignedSiteIds: [], linkedCustomerIds: [cust.id] }) };
});
afterAll(() => drop());

describe('worker ↔ miner mismatches', () => {
  it('lists workers no miner claims and miners no worker points at, scoped', async () => {
    expect((await listUnmatchedWorkers(db, owner.scope, {}, page)).rows.map((r) => r.workerName)).toEqual(['sub-a.zz-8', 'sub-a.zz-9']);
    expect((await listUnmatchedWorkers(db, owner.scope, { q: 'ZZ-9' }, page)).total).toBe(1);
    expect((await listUnmatchedWorkers(db, client.scope, {}, page)).total).toBe(0);
    expect((await listMinersWithoutWorker(db, owner.scope, {}, page)).rows.map((r) => r.name)).toEqual(['A-4', 'B-2']);
    expect((await listMinersWithoutWorker(db, siteB.scope, {}, page)).rows.map((r) => r.name)).toEqual(['B-2']);
    expect((await searchLinkableMiners(db, siteB.scope, 'a-')).length).toBe(0);
    expect((await searchLinkableMiners(db, owner.scope, 'a-1'))[0]).toMatchObject({ name: 'A-1', linkedTo: 'sub-a.a-1' });
  });

  it('a manual link wins over the pattern, both ways, and is audited', async () => {
    await linkWorker(db, owner, { accountId, workerName: 'sub-a.zz-9', minerId: m['A-2']! });
    expect(await link('sub-a.zz-9')).toEqual({ minerId: m['A-2'], source: 'manual' });
    // The pattern gave A-2 to sub-a.a-2; the hand-made link took it away.
    expect((await link('sub-a.a-2'))!.minerId).toBeNull();
    await relink();
    expect(await link('sub-a.zz-9')).toEqual({ minerId: m['A-2'], source: 'manual' });
    expect((await link('sub-a.a-2'))!.minerId).toBeNull();
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, 'pool.worker.link')));
    expect(audit).toMatchObject({ entityType: 'pool_worker', entityId: `${accountId}/sub-a.zz-9`, after: { minerId: m['A-2'], source: 'manual' } });
    expect((audit!.before as { source: string }).source).toBe('pattern');
    expect((await listManualLinks(db, owner.scope, page)).rows.map((r) => r.minerName)).toEqual(['A-2']);
    // Linking the same miner by hand to another worker moves it: the older manual link is dropped.
    await linkWorker(db, owner, { accountId, workerName: 'sub-a.zz-8', minerId: m['A-2']! });
    expect(await link('sub-a.zz-9')).toBeNull();
    expect((await listManualLinks(db, owner.scope, page)).rows.map((r) => [r.workerName, r.minerName])).toEqual([['sub-a.zz-8', 'A-2']]);
    await linkWorker(db, owner, { accountId, workerName: 'sub-a.zz-9', minerId: m['A-2']! });
    expect(await link('sub-a.zz-8')).toBeNull();
    expect((await listManualLinks(db, siteB.scope, page)).total).toBe(0);
  });

  it('"no miner" sticks through a re-link; "use pattern" restores the pattern at once', async () => {
    await unlinkWorker(db, owner, { accountId, workerName: 'sub-a.zz-9', mode: 'none' });
    await relink();
    expect(await link('sub-a.zz-9')).toEqual({ minerId: null, source: 'manual' });
    // A-2 is free again, so the pattern gives it back to its own worker.
    expect((await link('sub-a.a-2'))!.minerId).toBe(m['A-2']);
    await unlinkWorker(db, owner, { accountId, workerName: 'sub-a.zz-9', mode: 'pattern' });
    expect(await link('sub-a.zz-9')).toEqual({ minerId: null, source: 'pattern' });
    const actions = (await db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.orgId, orgId))).map((r) => r.a);
    expect(actions).toEqual(expect.arrayContaining(['pool.worker.unlink', 'pool.worker.use_pattern']));
  });

  it('a site-scoped actor links only within its sites; a client links nothing; unknown workers are 404', async () => {
    expect(await code(linkWorker(db, siteB, { accountId, workerName: 'sub-a.zz-8', minerId: m['A-4']! }))).toBe('NOT_FOUND');
    expect(await code(linkWorker(db, siteB, { accountId, workerName: 'sub-a.a-1', minerId: m['B-2']! }))).toBe('NOT_FOUND');
    expect(await code(unlinkWorker(db, siteB, { accountId, workerName: 'sub-a.a-1', mode: 'none' }))).toBe('NOT_FOUND');
    expect(await code(linkWorker(db, client, { accountId, workerName: 'sub-a.zz-8', minerId: m['A-1']! }))).toBe('NOT_FOUND');
    expect(await code(linkWorker(db, owner, { accountId, workerName: 'sub-a.nope', minerId: m['A-4']! }))).toBe('NOT_FOUND');
    expect(await code(linkWorker(db, siteB, { accountId, workerName: 'sub-a.zz-8', minerId: m['B-2']! }))).toBe('ok');
    expect((await link('sub-a.a-1'))!.minerId).toBe(m['A-1']);
    expect((await link('sub-a.zz-8'))!.minerId).toBe(m['B-2']);
  });

  it('a new pattern re-links the newest hour at once and keeps manual links; a bad regex is a 4xx', async () => {
    expect(await code(setWorkerPattern(db, owner, { accountId, workerPattern: '([' }))).toBe('VALIDATION');
    const r = await setWorkerPattern(db, owner, { accountId, workerPattern: '^sub-a\\.(a-.*)$' });
    expect(r.linked).toBe(2);
    expect((await link('sub-a.b-1'))!.minerId).toBeNull();
    expect((await link('sub-a.zz-8'))!.minerId).toBe(m['B-2']);
    const [acc] = await db.select({ p: poolAccounts.workerPattern }).from(poolAccounts).where(eq(poolAccounts.id, accountId));
    expect(acc!.p).toBe('^sub-a\\.(a-.*)$');
    expect((await db.select().from(auditLog).where(eq(auditLog.action, 'pool.account.pattern'))).length).toBe(1);
  });
});
