import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { setPoolAccountEnabled } from '@/db/queries/pool/account-writes';
import { savePoolAccount } from '@/lib/integrations/antpool/save-account';
import { getPoolAccount, listCollectableAccounts, listPoolAccounts, loadAccountRow } from '@/db/queries/pool/accounts';
import { auditLog } from '@/db/schema';
import { AppError } from '@/lib/core/errors';
import { buildFakeFarm } from '@/lib/integrations/antpool/fake-farm';
import { type FakeAntpool, startFakeAntpool } from '@/lib/integrations/antpool/fake-server';
import { type Antpool, createAntpool } from '@/lib/integrations/antpool/factory';
import { decryptSecret } from '@/lib/integrations/antpool/secrets';
import { testPoolConnection } from '@/lib/integrations/antpool/test-connection';
import { createTestDb } from '../helpers/db';
import { makeOrg } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
let server: FakeAntpool;
let antpool: Antpool;
let orgId: string;
let otherOrg: string;
const farm = buildFakeFarm({ seed: 'accounts', subs: [{ userId: 'sub-x', workers: 3 }] });
const form = { label: 'Main', userId: farm.mainUserId, apiKey: farm.key as string | undefined, secret: undefined as string | undefined, workerPattern: '^[^.]+\\.(.+)$' };
const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : String(e)));

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  server = await startFakeAntpool({ farm });
  antpool = createAntpool({ baseUrl: server.url, baseDelayMs: 1, timeoutMs: 2_000 });
  orgId = (await makeOrg(db)).id;
  otherOrg = (await makeOrg(db, 'Other')).id;
});
afterAll(async () => {
  await server.close();
  await drop();
});

describe('pool account editing', () => {
  let id: string;

  it('stores the secret encrypted and never returns it to a page', async () => {
    id = await savePoolAccount(db, { orgId, userId: null }, { ...form, secret: farm.secret });
    const stored = await loadAccountRow(db, id);
    expect(stored!.secretEnc).not.toContain(farm.secret);
    expect(decryptSecret(stored!.secretEnc!, { orgId, userId: farm.mainUserId })).toBe(farm.secret);
    const views = [await getPoolAccount(db, orgId, id), ...(await listPoolAccounts(db, orgId))];
    for (const v of views) {
      expect(v).toMatchObject({ hasSecret: true });
      expect(JSON.stringify(v)).not.toContain(stored!.secretEnc!);
      expect(Object.keys(v!)).not.toContain('secretEnc');
    }
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(JSON.stringify(audits)).not.toContain(farm.secret);
    expect(JSON.stringify(audits)).not.toContain(stored!.secretEnc!);
  });

  it('a blank secret keeps the stored one; a new secret replaces it', async () => {
    const before = (await loadAccountRow(db, id))!.secretEnc;
    await savePoolAccount(db, { orgId, userId: null }, { ...form, id, label: 'Main (renamed)' });
    const after = await loadAccountRow(db, id);
    expect(after!.label).toBe('Main (renamed)');
    expect(after!.secretEnc).toBe(before);
    await savePoolAccount(db, { orgId, userId: null }, { ...form, id, secret: 'other' });
    expect(decryptSecret((await loadAccountRow(db, id))!.secretEnc!, { orgId, userId: farm.mainUserId })).toBe('other');
    await savePoolAccount(db, { orgId, userId: null }, { ...form, id, secret: farm.secret });
  });

  it('renaming the pool user ID with a blank secret re-encrypts the kept secret under the new ID', async () => {
    await savePoolAccount(db, { orgId, userId: null }, { ...form, id, userId: 'renamed' });
    expect(decryptSecret((await loadAccountRow(db, id))!.secretEnc!, { orgId, userId: 'renamed' })).toBe(farm.secret);
    await savePoolAccount(db, { orgId, userId: null }, { ...form, id });
    expect(decryptSecret((await loadAccountRow(db, id))!.secretEnc!, { orgId, userId: farm.mainUserId })).toBe(farm.secret);
  });

  it('rejects another organization’s account, a duplicate user ID, a bad pattern and a self-parent', async () => {
    expect(await code(savePoolAccount(db, { orgId: otherOrg, userId: null }, { ...form, id }))).toBe('NOT_FOUND');
    expect(await code(savePoolAccount(db, { orgId, userId: null }, { ...form, label: 'dup' }))).toBe('CONFLICT');
    expect(await code(savePoolAccount(db, { orgId, userId: null }, { ...form, id, workerPattern: '(' }))).toBe('VALIDATION');
    expect(await code(savePoolAccount(db, { orgId, userId: null }, { ...form, id, parentId: id }))).toBe('VALIDATION');
    expect((await listPoolAccounts(db, orgId)).length).toBe(1);
  });

  it('tests the connection against the local pool server and records the outcome', async () => {
    expect(await testPoolConnection(antpool, db, orgId, id)).toMatchObject({ ok: true });
    const before = server.stats.requests;
    await savePoolAccount(db, { orgId, userId: null }, { ...form, id, secret: 'wrong' });
    const bad = await testPoolConnection(antpool, db, orgId, id);
    expect(bad).toEqual({ ok: false, message: 'signature' });
    expect(server.stats.requests).toBeGreaterThan(before);
    expect(await getPoolAccount(db, orgId, id)).toMatchObject({ lastTestOk: false, lastTestMessage: 'signature' });
    expect(await code(testPoolConnection(antpool, db, otherOrg, id))).toBe('NOT_FOUND');
  });

  it('a disabled account is left out of collection; enabling brings it back; both audited', async () => {
    await setPoolAccountEnabled(db, { orgId, userId: null }, id, false);
    expect((await listCollectableAccounts(db)).map((a) => a.id)).not.toContain(id);
    await setPoolAccountEnabled(db, { orgId, userId: null }, id, true);
    expect((await listCollectableAccounts(db)).map((a) => a.id)).toContain(id);
    const rows = await db.select({ a: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityId, id)));
    expect(rows.map((r) => r.a)).toEqual(expect.arrayContaining(['pool.account.disable', 'pool.account.enable']));
    expect(await code(setPoolAccountEnabled(db, { orgId: otherOrg, userId: null }, id, false))).toBe('NOT_FOUND');
  });
});
