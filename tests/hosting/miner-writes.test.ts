import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { resolveMinerRows } from '@/lib/hosting/resolve-miner-rows';
import { insertMiners, setMinerStatus, updateMiner } from '@/db/queries/hosting/miner-writes';
import { auditLog, minerModels, miners } from '@/db/schema';
import { ensureMinerModels } from '@/db/seed/ensure-miner-models';
import { AppError } from '@/lib/core/errors';
import { type Scope, scopeFor } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeMiner, makeOrg, makeSite } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
let owner: Scope;
let operator: Scope;
const ids: Record<string, string> = {};
let model: string;
let existingSerial: string;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  await ensureMinerModels(db);
  model = (await db.select({ name: minerModels.name }).from(minerModels).limit(1))[0]!.name;
  const org = await makeOrg(db);
  const a = await makeSite(db, org.id, 'Alpha');
  const b = await makeSite(db, org.id, 'Bravo');
  const c = await makeCustomer(db, org.id, 'acme@example.test');
  const m = await makeMiner(db, { orgId: org.id, siteId: a.id });
  existingSerial = m.serial!;
  Object.assign(ids, { org: org.id, a: a.id, b: b.id, c: c.id, m: m.id });
  owner = scopeFor({ orgId: org.id, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] });
  operator = scopeFor({ orgId: org.id, role: 'OPERATOR', assignedSiteIds: [b.id], linkedCustomerIds: [] });
});
afterAll(() => drop());

const who = (scope: Scope) => ({ orgId: ids.org!, userId: null, scope });

describe('resolveMinerRows', () => {
  it('resolves site, model and customer by name or email, case-insensitively, and normalises the MAC', async () => {
    const r = await resolveMinerRows(db, owner, [{ name: 'A-1', site: 'alpha', model: model.toUpperCase(), customer: 'ACME@example.test', ip: '10.9.0.1', mac: 'aa-bb-cc-dd-ee-01', serial: 'X1' }]);
    expect(r.errors).toEqual([]);
    expect(r.valid[0]!.value).toMatchObject({ siteId: ids.a, customerId: ids.c, macAddress: 'AA:BB:CC:DD:EE:01', status: 'active' });
  });

  it('reports every error by row: bad fields, unknown names, clashes inside the batch and with stored miners', async () => {
    const r = await resolveMinerRows(db, owner, [
      { name: 'ok', site: 'Alpha', model, serial: 'Y1', ip: '10.9.0.2' },
      { name: '', site: 'Nowhere', model: 'S99', ip: '999.1.1.1' },
      { name: 'dup', site: 'Alpha', model, serial: 'Y1' },
      { name: 'taken', site: 'Alpha', model, serial: existingSerial },
      { name: 'same serial, other site', site: 'Bravo', model, serial: existingSerial },
      'not an object',
    ]);
    expect(r.valid.map((v) => v.row)).toEqual([1, 5]);
    expect(r.errors).toEqual(
      expect.arrayContaining([
        { row: 2, field: 'name', code: 'required' },
        { row: 2, field: 'ip', code: 'invalid' },
        { row: 3, field: 'serial', code: 'duplicate' },
        { row: 4, field: 'serial', code: 'taken' },
        { row: 6, field: '_row', code: 'invalid' },
      ]),
    );
    expect(r.errors.filter((e) => e.row === 2).map((e) => e.field).sort()).toEqual(['ip', 'name']);
  });

  it('refuses a MAC the collector already discovered on the site, whatever its case', async () => {
    const discovered = await makeMiner(db, { orgId: ids.org!, siteId: ids.a! });
    await db.update(miners).set({ macAddress: 'aa:bb:cc:dd:ee:77' }).where(eq(miners.id, discovered.id));
    const r = await resolveMinerRows(db, owner, [{ name: 'by hand', site: 'Alpha', model, mac: 'AA-BB-CC-DD-EE-77' }, { name: 'other site', site: 'Bravo', model, mac: 'AA:BB:CC:DD:EE:77' }]);
    expect(r.errors).toEqual([{ row: 1, field: 'mac', code: 'taken' }]);
    expect(r.valid.map((v) => v.row)).toEqual([2]);
  });

  it('keeps a site-bound operator to its own sites', async () => {
    const r = await resolveMinerRows(db, operator, [{ name: 'x', site: 'Alpha', model }, { name: 'y', siteId: ids.b, model }]);
    expect(r.errors).toEqual([{ row: 1, field: 'site', code: 'invalid' }]);
    expect(r.valid).toHaveLength(1);
  });
});

describe('miner writes', () => {
  it('inserts a batch with one audit entry in the same transaction', async () => {
    const { valid } = await resolveMinerRows(db, owner, Array.from({ length: 3 }, (_, i) => ({ name: `B-${i}`, site: 'Bravo', model, serial: `B${i}` })));
    const created = await insertMiners(db, who(owner), valid.map((v) => v.value));
    expect(created).toHaveLength(3);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.orgId, ids.org!), eq(auditLog.action, 'miner.batch_create')));
    expect((entry!.after as { count: number }).count).toBe(3);
  });

  it('turns a unique clash that slips past the check into a 409 naming the field, and writes nothing', async () => {
    const { valid } = await resolveMinerRows(db, owner, [{ name: 'race-1', site: 'Alpha', model, serial: 'RACE' }]);
    const row = valid[0]!.value;
    const before = (await db.select().from(miners)).length;
    const error = await insertMiners(db, who(owner), [row, { ...row, name: 'race-2' }]).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'CONFLICT', fieldErrors: { serial: 'invalid' } });
    expect((await db.select().from(miners)).length).toBe(before);
  });

  it('moves a miner to another site and customer, auditing before and after', async () => {
    const { valid } = await resolveMinerRows(db, owner, [{ name: 'moved', siteId: ids.b, model, customerId: ids.c }], { excludeMinerId: ids.m });
    const after = await updateMiner(db, who(owner), ids.m!, valid[0]!.value);
    expect(after).toMatchObject({ siteId: ids.b, customerId: ids.c, name: 'moved' });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, ids.m!), eq(auditLog.action, 'miner.update')));
    expect(entry!.before).toMatchObject({ siteId: ids.a, customerId: null });
    expect(entry!.after).toMatchObject({ siteId: ids.b, customerId: ids.c });
  });

  it('changes status with an audit entry; a miner outside the scope is not found', async () => {
    await setMinerStatus(db, who(owner), ids.m!, 'maintenance');
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, ids.m!), eq(auditLog.action, 'miner.status')));
    expect(entry!.after).toEqual({ status: 'maintenance' });
    const outsider = scopeFor({ orgId: ids.org!, role: 'OPERATOR', assignedSiteIds: [ids.a!], linkedCustomerIds: [] });
    await expect(setMinerStatus(db, who(outsider), ids.m!, 'sold')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
