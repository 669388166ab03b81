import { signedIn } from '../helpers/signed-in';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditLog, brands, customers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { Role } from '@/lib/core/roles';
import { formData, testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

// The actions run for real against the test database; only the signed-in user (normally from the
// next-auth cookie) and Next's cache revalidation, which needs a running server, are stood in for.

const { createBrandAction } = await import('@/lib/actions/brands/create-brand');
const { updateBrandAction } = await import('@/lib/actions/brands/update-brand');
const { setCustomerBrandAction } = await import('@/lib/actions/brands/set-customer-brand');
const { customerBrandIds, findBrandBySubdomain, getBrand, listBrandCustomerCandidates, listBrands } = await import('@/db/queries/hosting/brands');

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let otherOrgId: string;
const ids: Record<string, string> = {};

const actorOf = (role: Role, userId: string, org = orgId, siteIds: string[] = []) => testActor(org, role, userId, siteIds);
const acmeFields = { subdomain: 'Acme', displayName: 'Acme Hosting', primaryColor: '#2F9E44', accentColor: '#74c0fc', supportEmail: 'help@acme.example', enabled: 'on', logo: '' };

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  orgId = (await makeOrg(db)).id;
  otherOrgId = (await makeOrg(db, 'Other')).id;
  const siteA = await makeSite(db, orgId, 'Alpha');
  const siteB = await makeSite(db, orgId, 'Bravo');
  const onA = await makeCustomer(db, orgId);
  const onB = await makeCustomer(db, orgId);
  const foreign = await makeCustomer(db, otherOrgId);
  await makeMiner(db, { orgId, siteId: siteA.id, customerId: onA.id });
  await makeMiner(db, { orgId, siteId: siteB.id, customerId: onB.id });
  const owner = await makeUser(db, { orgId, role: 'OWNER' });
  const siteOwner = await makeUser(db, { orgId, role: 'MINING_SITE_OWNER', siteIds: [siteA.id] });
  const client = await makeUser(db, { orgId, role: 'CLIENT' });
  const otherOwner = await makeUser(db, { orgId: otherOrgId, role: 'OWNER' });
  Object.assign(ids, { siteA: siteA.id, onA: onA.id, onB: onB.id, foreign: foreign.id, owner: owner.user.id, siteOwner: siteOwner.user.id, client: client.user.id, otherOwner: otherOwner.user.id });
});
afterAll(async () => drop());

describe('brand actions', () => {
  it('creates a brand with normalised fields and an audit entry (who, what, after)', async () => {
    signedIn.actor = actorOf('OWNER', ids.owner!);
    const res = await createBrandAction(null, formData(acmeFields));
    expect(res).toMatchObject({ ok: true });
    const id = res.ok ? res.data.id : '';
    ids.acme = id;
    const brand = await getBrand(db, orgId, id);
    expect(brand).toMatchObject({ subdomain: 'acme', displayName: 'Acme Hosting', primaryColor: '#2f9e44', enabled: true, logo: null });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'brand.create')));
    expect(entry).toMatchObject({ orgId, actorUserId: ids.owner, entityType: 'brand', before: null });
    expect(entry!.after).toMatchObject({ subdomain: 'acme', primaryColor: '#2f9e44' });
  });

  it('refuses bad input field by field and writes nothing', async () => {
    signedIn.actor = actorOf('OWNER', ids.owner!);
    const before = (await db.select().from(brands)).length;
    const bad = await createBrandAction(null, formData({ ...acmeFields, subdomain: 'www', primaryColor: 'red', accentColor: '#12345', supportEmail: 'nope', logo: 'javascript:alert(1)', displayName: '' }));
    expect(bad).toEqual({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { subdomain: 'invalid', primaryColor: 'invalid', accentColor: 'invalid', supportEmail: 'email', logo: 'invalid', displayName: 'required' },
    });
    const svg = await createBrandAction(null, formData({ ...acmeFields, subdomain: 'svg', logo: `data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}` }));
    expect(svg).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { logo: 'invalid' } });
    expect((await db.select().from(brands)).length).toBe(before);
  });

  it('answers a taken subdomain with a conflict, across organizations too', async () => {
    signedIn.actor = actorOf('OWNER', ids.otherOwner!, otherOrgId);
    const res = await createBrandAction(null, formData({ ...acmeFields, subdomain: 'ACME' }));
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT', fieldErrors: { subdomain: 'invalid' } });
  });

  it('lets only roles with customer management write', async () => {
    for (const role of ['CLIENT', 'OPERATOR', 'GUEST'] as const) {
      signedIn.actor = actorOf(role, ids.client!);
      expect(await createBrandAction(null, formData({ ...acmeFields, subdomain: `r-${role.toLowerCase()}` }))).toEqual({ ok: false, code: 'FORBIDDEN' });
    }
    signedIn.actor = null;
    expect(await createBrandAction(null, formData(acmeFields))).toEqual({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('updates with before and after in the audit log, keeping an inline logo out of it', async () => {
    signedIn.actor = actorOf('OWNER', ids.owner!);
    const png = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]).toString('base64')}`;
    const res = await updateBrandAction(null, formData({ ...acmeFields, id: ids.acme!, displayName: 'Acme Hosting Ltd', enabled: '', logo: png }));
    expect(res).toMatchObject({ ok: true });
    expect(await getBrand(db, orgId, ids.acme!)).toMatchObject({ displayName: 'Acme Hosting Ltd', enabled: false, logo: png });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, ids.acme!), eq(auditLog.action, 'brand.update')));
    expect(entry!.before).toMatchObject({ displayName: 'Acme Hosting', enabled: true, logo: null });
    expect(entry!.after).toMatchObject({ displayName: 'Acme Hosting Ltd', enabled: false, logo: 'image/png (12 bytes)' });
    await updateBrandAction(null, formData({ ...acmeFields, id: ids.acme! }));
  });

  it('treats another organization’s brand as missing', async () => {
    signedIn.actor = actorOf('OWNER', ids.otherOwner!, otherOrgId);
    expect(await updateBrandAction(null, formData({ ...acmeFields, id: ids.acme! }))).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await getBrand(db, otherOrgId, ids.acme!)).toBeNull();
    expect((await listBrands(db, otherOrgId, { page: 1, pageSize: 25 })).total).toBe(0);
    expect(await setCustomerBrandAction(null, formData({ customerId: ids.foreign!, brandId: ids.acme! }))).toEqual({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('customer assignment', () => {
  it('puts a customer in a brand and takes it out, audited, and counts it in the list', async () => {
    signedIn.actor = actorOf('OWNER', ids.owner!);
    expect(await setCustomerBrandAction(null, formData({ customerId: ids.onA!, brandId: ids.acme! }))).toEqual({ ok: true, data: { changed: true } });
    expect(await setCustomerBrandAction(null, formData({ customerId: ids.onA!, brandId: ids.acme! }))).toEqual({ ok: true, data: { changed: false } });
    const list = await listBrands(db, orgId, { page: 1, pageSize: 25 });
    expect(list.rows.find((b) => b.id === ids.acme)?.customers).toBe(1);
    expect(await customerBrandIds(db, orgId, [ids.onA!, ids.onB!])).toEqual(expect.arrayContaining([ids.acme, null]));
    const candidates = await listBrandCustomerCandidates(db, actorOf('OWNER', ids.owner!).scope, ids.acme!, undefined, { page: 1, pageSize: 25 });
    expect(candidates.rows[0]).toMatchObject({ id: ids.onA, brandId: ids.acme });
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.entityId, ids.onA!), eq(auditLog.action, 'customer.brand')));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUserId: ids.owner, before: { brandId: null }, after: { brandId: ids.acme } });

    expect(await setCustomerBrandAction(null, formData({ customerId: ids.onA!, brandId: '' }))).toEqual({ ok: true, data: { changed: true } });
    const [row] = await db.select({ brandId: customers.brandId }).from(customers).where(eq(customers.id, ids.onA!));
    expect(row!.brandId).toBeNull();
  });

  it('limits a site owner to the customers hosted on its sites', async () => {
    signedIn.actor = actorOf('MINING_SITE_OWNER', ids.siteOwner!, orgId, [ids.siteA!]);
    expect(await setCustomerBrandAction(null, formData({ customerId: ids.onA!, brandId: ids.acme! }))).toMatchObject({ ok: true });
    expect(await setCustomerBrandAction(null, formData({ customerId: ids.onB!, brandId: ids.acme! }))).toEqual({ ok: false, code: 'NOT_FOUND' });
    const candidates = await listBrandCustomerCandidates(db, (signedIn.actor as Actor).scope, ids.acme!, undefined, { page: 1, pageSize: 25 });
    expect(candidates.rows.map((c) => c.id)).toEqual([ids.onA]);
    const [row] = await db.select({ brandId: customers.brandId }).from(customers).where(eq(customers.id, ids.onB!));
    expect(row!.brandId).toBeNull();
  });

  it('rejects a malformed id as bad input, not a crash', async () => {
    signedIn.actor = actorOf('OWNER', ids.owner!);
    expect(await setCustomerBrandAction(null, formData({ customerId: 'x', brandId: ids.acme! }))).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { customerId: 'invalid' } });
  });
});

describe('host look-up', () => {
  it('finds a brand by subdomain whatever the case, and nothing for an unknown one', async () => {
    expect((await findBrandBySubdomain(db, 'ACME'))?.id).toBe(ids.acme);
    expect(await findBrandBySubdomain(db, 'nosuch')).toBeNull();
  });

  it('keeps subdomains lower-case even against a write that skips validation', async () => {
    await expect(db.insert(brands).values({ orgId, subdomain: 'Upper', displayName: 'U' })).rejects.toThrow();
  });
});
