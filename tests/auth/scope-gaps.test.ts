import { signedIn } from '../helpers/signed-in';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { createAlertRule, listAlertRules } from '@/db/queries/edge/alerts';
import { listAssignableCustomers } from '@/db/queries/hosting/miners';
import { listCalls } from '@/db/queries/pool/runs';
import { listUsers } from '@/db/queries/admin/users';
import { brands, edgeAlertRules, minerModels, poolAccounts, poolApiCallLogs } from '@/db/schema';
import type { Role } from '@/lib/core/roles';
import { scopeFor } from '@/lib/core/scope';
import { formData, testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

// Actions and the batch route run for real against the test database; only the signed-in user and Next's cache are stood in for.

const { createAlertRuleAction } = await import('@/lib/actions/edge/create-alert-rule');
const { createBrandAction } = await import('@/lib/actions/brands/create-brand');
const { updateBrandAction } = await import('@/lib/actions/brands/update-brand');
const { POST: batchPost } = await import('@/app/api/hosting/miners/batch/route');

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let otherOrgId: string;
const ids: Record<string, string> = {};
const emails: Record<string, string> = {};
let model: string;

const actorOf = (role: Role, userId: string, siteIds: string[] = []) => testActor(orgId, role, userId, siteIds);
const operatorA = () => actorOf('OPERATOR', ids.operatorA!, [ids.a!]);
const siteOwnerA = () => actorOf('MINING_SITE_OWNER', ids.siteOwnerA!, [ids.a!]);
const batch = async (body: unknown) => {
  const res = await batchPost(new Request('http://127.0.0.1/api/hosting/miners/batch', { method: 'POST', body: JSON.stringify(body) }), { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json()) as { valid: number; errors: { row: number; field: string; code: string }[] } };
};

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  orgId = (await makeOrg(db)).id;
  otherOrgId = (await makeOrg(db, 'Other')).id;
  const a = await makeSite(db, orgId, 'Alpha');
  const b = await makeSite(db, orgId, 'Bravo');
  const onA = await makeCustomer(db, orgId, 'on-a@example.test');
  const onB = await makeCustomer(db, orgId, 'on-b@example.test');
  const fresh = await makeCustomer(db, orgId, 'fresh@example.test');
  const minerA = await makeMiner(db, { orgId, siteId: a.id, customerId: onA.id });
  await makeMiner(db, { orgId, siteId: b.id, customerId: onB.id });
  const users = {
    owner: await makeUser(db, { orgId, role: 'OWNER' }),
    admin: await makeUser(db, { orgId, role: 'ADMIN' }),
    siteOwnerA: await makeUser(db, { orgId, role: 'MINING_SITE_OWNER', siteIds: [a.id] }),
    operatorA: await makeUser(db, { orgId, role: 'OPERATOR', siteIds: [a.id] }),
    operatorAB: await makeUser(db, { orgId, role: 'OPERATOR', siteIds: [a.id, b.id] }),
    operatorB: await makeUser(db, { orgId, role: 'OPERATOR', siteIds: [b.id] }),
    clientA: await makeUser(db, { orgId, role: 'CLIENT', email: 'on-a@example.test' }),
    clientB: await makeUser(db, { orgId, role: 'CLIENT', email: 'on-b@example.test' }),
  };
  for (const [k, u] of Object.entries(users)) {
    ids[k] = u.user.id;
    emails[k] = u.user.email;
  }
  Object.assign(ids, { a: a.id, b: b.id, onA: onA.id, onB: onB.id, fresh: fresh.id, minerA: minerA.id });
  model = (await db.select({ name: minerModels.name }).from(minerModels).limit(1))[0]!.name;
});
afterAll(async () => drop());

describe('alert rules stay inside a site-bound user’s sites', () => {
  it('turns an operator’s "all sites" rule into a rule for each of its sites, never one for the whole organization', async () => {
    signedIn.actor = actorOf('OPERATOR', ids.operatorAB!, [ids.a!, ids.b!]);
    const res = await createAlertRuleAction(null, formData({ name: 'Hot (mine)', kind: 'TEMP_HIGH', threshold: '85', siteId: '' }));
    expect(res).toMatchObject({ ok: true });
    const rules = await db.select().from(edgeAlertRules).where(eq(edgeAlertRules.name, 'Hot (mine)'));
    expect(rules.map((r) => r.siteId).sort()).toEqual([ids.a, ids.b].sort());

    signedIn.actor = operatorA();
    expect(await createAlertRuleAction(null, formData({ name: 'Offline (A)', kind: 'OFFLINE', threshold: '10', siteId: '' }))).toMatchObject({ ok: true });
    expect((await db.select().from(edgeAlertRules).where(eq(edgeAlertRules.name, 'Offline (A)'))).map((r) => r.siteId)).toEqual([ids.a]);
    expect(await createAlertRuleAction(null, formData({ name: 'B', kind: 'OFFLINE', threshold: '10', siteId: ids.b! }))).toEqual({ ok: false, code: 'NOT_FOUND' });
  });

  it('still lets an owner write one rule for the whole organization', async () => {
    signedIn.actor = actorOf('OWNER', ids.owner!);
    expect(await createAlertRuleAction(null, formData({ name: 'Org offline', kind: 'OFFLINE', threshold: '30', siteId: '' }))).toMatchObject({ ok: true });
    expect((await db.select().from(edgeAlertRules).where(eq(edgeAlertRules.name, 'Org offline'))).map((r) => r.siteId)).toEqual([null]);
  });

  it('shows an operator its sites’ rules and the organization’s, not another site’s nor one aimed at another site’s customer', async () => {
    const owner = scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] });
    await createAlertRule(db, owner, null, { name: 'Bravo only', kind: 'OFFLINE', threshold: 5, siteId: ids.b!, modelId: null, customerId: null });
    await createAlertRule(db, owner, null, { name: 'B customer', kind: 'OFFLINE', threshold: 5, siteId: null, modelId: null, customerId: ids.onB! });
    const names = (await listAlertRules(db, operatorA().scope)).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['Offline (A)', 'Hot (mine)', 'Org offline']));
    expect(names).not.toContain('Bravo only');
    expect(names).not.toContain('B customer');
    expect((await listAlertRules(db, owner)).map((r) => r.name)).toEqual(expect.arrayContaining(['Bravo only', 'B customer']));
  });
});

describe('users a site owner sees', () => {
  it('lists the staff of its sites and its customers’ users, naming only its sites', async () => {
    const page = await listUsers(db, siteOwnerA().scope, { page: 1, pageSize: 100 });
    expect(page.rows.map((u) => u.email).sort()).toEqual([emails.siteOwnerA, emails.operatorA, emails.operatorAB, emails.clientA].sort());
    expect(page.total).toBe(4);
    expect(page.rows.find((u) => u.email === emails.operatorAB)!.sites).toEqual(['Alpha']);
  });

  it('lists everyone, with every site, for an owner', async () => {
    const page = await listUsers(db, scopeFor({ orgId, role: 'ADMIN', assignedSiteIds: [], linkedCustomerIds: [] }), { page: 1, pageSize: 100 });
    expect(page.total).toBe(8);
    expect(page.rows.find((u) => u.email === emails.operatorAB)!.sites).toEqual(['Alpha', 'Bravo']);
  });
});

describe('white-label brands are organization-wide', () => {
  const fields = { subdomain: 'scoped', displayName: 'Scoped', primaryColor: '#2f9e44', accentColor: '#74c0fc', supportEmail: '', enabled: 'on', logo: '' };

  it('refuses a site owner creating or editing a brand, and writes nothing', async () => {
    signedIn.actor = siteOwnerA();
    expect(await createBrandAction(null, formData(fields))).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(await db.select().from(brands).where(eq(brands.subdomain, 'scoped'))).toHaveLength(0);
    signedIn.actor = actorOf('ADMIN', ids.admin!);
    const made = await createBrandAction(null, formData(fields));
    expect(made).toMatchObject({ ok: true });
    signedIn.actor = siteOwnerA();
    expect(await updateBrandAction(null, formData({ ...fields, id: made.ok ? made.data.id : '', displayName: 'Hijacked' }))).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect((await db.select().from(brands).where(eq(brands.subdomain, 'scoped')))[0]!.displayName).toBe('Scoped');
  });
});

describe('customers an operator may put on a miner', () => {
  it('answers a dry run for another site’s customer exactly like an unknown one', async () => {
    signedIn.actor = operatorA();
    const rows = [
      { name: 'd1', site: 'Alpha', model, customerId: ids.onB },
      { name: 'd2', site: 'Alpha', model, customerId: '00000000-0000-4000-8000-000000000000' },
      { name: 'd3', site: 'Alpha', model, customer: 'on-b@example.test' },
      { name: 'd4', site: 'Alpha', model, customerId: ids.onA },
      { name: 'd5', site: 'Alpha', model, customerId: ids.fresh },
    ];
    const { status, body } = await batch({ rows, dryRun: true });
    expect(status).toBe(200);
    expect(body.valid).toBe(2);
    expect(body.errors).toEqual([
      { row: 1, field: 'customer', code: 'invalid' },
      { row: 2, field: 'customer', code: 'invalid' },
      { row: 3, field: 'customer', code: 'invalid' },
    ]);
  });

  it('offers the same customers in the miner form: its own and new ones', async () => {
    const names = (await listAssignableCustomers(db, operatorA().scope)).map((c) => c.id);
    expect(names.sort()).toEqual([ids.onA, ids.fresh].sort());
    const all = (await listAssignableCustomers(db, scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] }))).map((c) => c.id);
    expect(all).toHaveLength(3);
  });
});

describe('the pool API call log', () => {
  it('shows each organization only the calls made for its own accounts', async () => {
    const [mine] = await db.insert(poolAccounts).values({ orgId, label: 'Mine', userId: 'mine-user', workerPattern: '^(.+)$' }).returning();
    const [theirs] = await db.insert(poolAccounts).values({ orgId: otherOrgId, label: 'Theirs', userId: 'their-user', workerPattern: '^(.+)$' }).returning();
    const now = new Date();
    await db.insert(poolApiCallLogs).values([
      { accountId: mine!.id, endpoint: 'account', startedAt: now, status: 'ok' },
      { accountId: theirs!.id, endpoint: 'workers', startedAt: now, status: 'error', error: 'their-user: bad key' },
    ]);
    const page = await listCalls(db, orgId, {}, { page: 1, pageSize: 50 });
    expect(page.rows.map((r) => r.endpoint)).toEqual(['account']);
    expect(page.total).toBe(1);
    expect((await listCalls(db, orgId, { errorsOnly: true }, { page: 1, pageSize: 50 })).total).toBe(0);
    expect((await listCalls(db, otherOrgId, { errorsOnly: true }, { page: 1, pageSize: 50 })).rows.map((r) => r.error)).toEqual(['their-user: bad key']);
  });
});
