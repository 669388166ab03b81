import { signedIn } from '../helpers/signed-in';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listActivities } from '@/db/queries/crm/activities';
import { getCrmCustomer, listCrmCustomers } from '@/db/queries/crm/customers';
import { pipelineBoard } from '@/db/queries/crm/deals';
import { listLeads } from '@/db/queries/crm/leads';
import { auditLog, crmActivities, customerAccounts, customers, deals, leads } from '@/db/schema';
import { DEAL_STAGES } from '@/lib/domain/crm/pipeline';
import { formData, testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

// The CRM's actions run for real against the test database; only the signed-in user and Next's cache
// revalidation are stood in for (tests/helpers/signed-in.ts).

const { createCustomerAction } = await import('@/lib/actions/crm/create-customer');
const { updateCustomerAction } = await import('@/lib/actions/crm/update-customer');
const { createLeadAction } = await import('@/lib/actions/crm/create-lead');
const { convertLeadAction } = await import('@/lib/actions/crm/convert-lead');
const { createDealAction } = await import('@/lib/actions/crm/create-deal');
const { moveDealAction } = await import('@/lib/actions/crm/move-deal');
const { logActivityAction } = await import('@/lib/actions/crm/log-activity');
const { completeTaskAction } = await import('@/lib/actions/crm/complete-task');
const { addContactAction } = await import('@/lib/actions/crm/add-contact');

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let otherOrgId: string;
let adminId: string;
let managerId: string;
let otherManagerId: string;
let operatorId: string;
let foreignAdminId: string;
let siteId: string;

const admin = () => testActor(orgId, 'ADMIN', adminId);
const manager = () => testActor(orgId, 'MINING_SITE_OWNER', managerId, [siteId]);
const otherManager = () => testActor(orgId, 'MINING_SITE_OWNER', otherManagerId, [siteId]);
const foreignAdmin = () => testActor(otherOrgId, 'OWNER', foreignAdminId);
const page = { page: 1, pageSize: 50 };

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  orgId = (await makeOrg(db)).id;
  otherOrgId = (await makeOrg(db, 'Other Hosting')).id;
  siteId = (await makeSite(db, orgId)).id;
  adminId = (await makeUser(db, { orgId, role: 'ADMIN' })).user.id;
  managerId = (await makeUser(db, { orgId, role: 'MINING_SITE_OWNER', siteIds: [siteId] })).user.id;
  otherManagerId = (await makeUser(db, { orgId, role: 'MINING_SITE_OWNER', siteIds: [siteId] })).user.id;
  operatorId = (await makeUser(db, { orgId, role: 'OPERATOR', siteIds: [siteId] })).user.id;
  foreignAdminId = (await makeUser(db, { orgId: otherOrgId, role: 'OWNER' })).user.id;
});
afterAll(() => drop());

describe('customers: validation and duplicates', () => {
  it('refuses an invalid e-mail, a duplicate e-mail (any case) and writes nothing', async () => {
    signedIn.actor = admin();
    expect(await createCustomerAction(null, formData({ name: 'Acme', email: 'not-an-email', tier: 'STANDARD', tags: '' }))).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { email: 'email' } });
    const first = await createCustomerAction(null, formData({ name: 'Acme Mining', email: 'Ops@Acme.test', tier: 'VIP', tags: 'hydro, Hydro,  big ', ownerUserId: managerId }));
    expect(first).toMatchObject({ ok: true });
    const again = await createCustomerAction(null, formData({ name: 'Acme again', email: 'ops@acme.TEST ', tier: 'STANDARD', tags: '' }));
    expect(again).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { email: 'emailTaken' } });
    const rows = await db.select().from(customers).where(eq(customers.orgId, orgId));
    expect(rows.map((r) => r.email)).toEqual(['ops@acme.test']);
    const [account] = await db.select().from(customerAccounts).where(eq(customerAccounts.customerId, rows[0]!.id));
    expect(account).toMatchObject({ ownerUserId: managerId, tags: ['big', 'hydro'] });
  });

  it('a manager owning a customer cannot hand it to someone else; an operator cannot write at all; a client user is no account manager', async () => {
    const [acme] = await db.select().from(customers).where(and(eq(customers.orgId, orgId), eq(customers.email, 'ops@acme.test')));
    signedIn.actor = manager();
    expect(await updateCustomerAction(null, formData({ id: acme!.id, name: 'Acme Mining', email: 'ops@acme.test', tier: 'VIP', tags: 'hydro', ownerUserId: otherManagerId }))).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(await updateCustomerAction(null, formData({ id: acme!.id, name: 'Acme Mining Ltd', email: 'ops@acme.test', tier: 'VIP', tags: 'hydro', ownerUserId: managerId }))).toEqual({ ok: true, data: { id: acme!.id } });
    signedIn.actor = testActor(orgId, 'OPERATOR', operatorId, [siteId]);
    expect(await createCustomerAction(null, formData({ name: 'X', tier: 'STANDARD', tags: '' }))).toEqual({ ok: false, code: 'FORBIDDEN' });
    const client = await makeUser(db, { orgId, role: 'CLIENT' });
    signedIn.actor = admin();
    expect(await createCustomerAction(null, formData({ name: 'Y', tier: 'STANDARD', tags: '', ownerUserId: client.user.id }))).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { ownerUserId: 'invalid' } });
  });

  it('contacts: one primary at a time', async () => {
    const [acme] = await db.select().from(customers).where(and(eq(customers.orgId, orgId), eq(customers.email, 'ops@acme.test')));
    signedIn.actor = manager();
    expect(await addContactAction(null, formData({ customerId: acme!.id, name: 'Li Wei', email: 'li@acme.test', isPrimary: 'on' }))).toMatchObject({ ok: true });
    expect(await addContactAction(null, formData({ customerId: acme!.id, name: 'Ana Gomez', email: 'bad', isPrimary: 'on' }))).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { email: 'email' } });
    expect(await addContactAction(null, formData({ customerId: acme!.id, name: 'Ana Gomez', isPrimary: 'on' }))).toMatchObject({ ok: true });
    signedIn.actor = otherManager();
    expect(await addContactAction(null, formData({ customerId: acme!.id, name: 'Intruder' }))).toEqual({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('scope: two organizations and a non-admin user', () => {
  it('an admin sees every customer of its organization, a manager only its own, the other organization none', async () => {
    const plain = await makeCustomer(db, orgId, 'plain@example.test');
    const foreign = await makeCustomer(db, otherOrgId, 'foreign@example.test');
    const names = async (who: ReturnType<typeof admin>) => (await listCrmCustomers(db, who, {}, page)).rows.map((r) => r.email).sort();
    expect(await names(admin())).toEqual(['ops@acme.test', 'plain@example.test']);
    expect(await names(manager())).toEqual(['ops@acme.test']);
    expect(await names(otherManager())).toEqual([]);
    expect(await names(foreignAdmin())).toEqual(['foreign@example.test']);
    expect(await getCrmCustomer(db, foreignAdmin(), plain.id)).toBeNull();
    expect(await getCrmCustomer(db, otherManager(), plain.id)).toBeNull();
    expect(await getCrmCustomer(db, admin(), foreign.id)).toBeNull();
    // The same e-mail may exist in another organization.
    signedIn.actor = foreignAdmin();
    expect(await createCustomerAction(null, formData({ name: 'Acme (other host)', email: 'ops@acme.test', tier: 'STANDARD', tags: '' }))).toMatchObject({ ok: true });
  });
});

describe('leads → customers', () => {
  it('a referral lead converts in one transaction: customer, account, deals and activities move, the lead is converted', async () => {
    const [acme] = await db.select().from(customers).where(and(eq(customers.orgId, orgId), eq(customers.email, 'ops@acme.test')));
    await db.update(customerAccounts).set({ referralCode: 'ACME2026' }).where(eq(customerAccounts.customerId, acme!.id));
    signedIn.actor = manager();
    expect(await createLeadAction(null, formData({ name: 'Bo Chen', company: 'Chen Hash', email: 'bo@chen.test', source: 'referral', referralCode: 'nope' }))).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { referralCode: 'invalid' } });
    const created = await createLeadAction(null, formData({ name: 'Bo Chen', company: 'Chen Hash', email: 'Bo@Chen.test', source: 'referral', referralCode: 'acme-2026' }));
    expect(created).toMatchObject({ ok: true });
    const leadId = (created as { data: { id: string } }).data.id;
    expect((await listLeads(db, manager(), {}, page)).rows).toMatchObject([{ id: leadId, referredByName: 'Acme Mining Ltd', status: 'new' }]);
    expect((await listLeads(db, otherManager(), {}, page)).rows).toEqual([]);
    expect(await createDealAction(null, formData({ leadId, title: 'First rack', value: '12,500.50', commissionPct: '2.5', brokerName: 'Broker Bob' }))).toMatchObject({ ok: true });
    expect(await logActivityAction(null, formData({ leadId, kind: 'call', subject: 'Intro call' }))).toMatchObject({ ok: true });

    expect(await convertLeadAction(null, formData({ id: leadId, tier: 'ENTERPRISE', dealTitle: 'Second rack', dealValue: '1000' }))).toMatchObject({ ok: true });
    const [lead] = await db.select().from(leads).where(eq(leads.id, leadId));
    expect(lead).toMatchObject({ status: 'converted', referredByCustomerId: acme!.id });
    const customerId = lead!.convertedCustomerId!;
    const customer = await getCrmCustomer(db, manager(), customerId);
    expect(customer).toMatchObject({ name: 'Chen Hash', email: 'bo@chen.test', tier: 'ENTERPRISE', ownerUserId: managerId });
    const moved = await db.select().from(deals).where(eq(deals.customerId, customerId));
    expect(moved.map((d) => [d.title, d.valueCents, d.commissionBps]).sort()).toEqual([
      ['First rack', 1_250_050, 250],
      ['Second rack', 100_000, null],
    ]);
    expect((await db.select().from(crmActivities).where(eq(crmActivities.leadId, leadId)))[0]).toMatchObject({ customerId });

    // Twice: the lead is converted already.
    expect(await convertLeadAction(null, formData({ id: leadId, tier: 'STANDARD' }))).toEqual({ ok: false, code: 'CONFLICT' });
  });

  it('a lead whose e-mail a customer already uses does not convert, and nothing is half-written', async () => {
    signedIn.actor = admin();
    const created = await createLeadAction(null, formData({ name: 'Dup', email: 'OPS@acme.test', source: 'manual' }));
    const leadId = (created as { data: { id: string } }).data.id;
    const before = (await db.select().from(customers)).length;
    const audits = (await db.select().from(auditLog)).length;
    expect(await convertLeadAction(null, formData({ id: leadId, tier: 'STANDARD', dealTitle: 'Should not exist', dealValue: '5' }))).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { email: 'emailTaken' } });
    expect((await db.select().from(customers)).length).toBe(before);
    expect((await db.select().from(auditLog)).length).toBe(audits);
    expect((await db.select().from(deals).where(eq(deals.title, 'Should not exist'))).length).toBe(0);
    expect((await db.select().from(leads).where(eq(leads.id, leadId)))[0]).toMatchObject({ status: 'new', convertedCustomerId: null });
  });
});

describe('pipeline moves', () => {
  it('moves from the stage and version the page saw; a stale move is a CONFLICT; lost needs a reason; another manager cannot move it', async () => {
    const [deal] = await db.select().from(deals).where(eq(deals.title, 'Second rack'));
    signedIn.actor = manager();
    const moved = await moveDealAction({ id: deal!.id, fromStage: 'prospect', version: deal!.version, toStage: 'proposal' });
    expect(moved).toEqual({ ok: true, data: { id: deal!.id, stage: 'proposal', version: deal!.version + 1 } });
    // Someone else's page still shows the card in prospect at the old version.
    expect(await moveDealAction({ id: deal!.id, fromStage: 'prospect', version: deal!.version, toStage: 'qualified' })).toEqual({ ok: false, code: 'CONFLICT' });
    expect(await moveDealAction({ id: deal!.id, fromStage: 'proposal', version: deal!.version + 1, toStage: 'lost' })).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { reason: 'required' } });
    signedIn.actor = otherManager();
    expect(await moveDealAction({ id: deal!.id, fromStage: 'proposal', version: deal!.version + 1, toStage: 'won' })).toEqual({ ok: false, code: 'NOT_FOUND' });
    signedIn.actor = foreignAdmin();
    expect(await moveDealAction({ id: deal!.id, fromStage: 'proposal', version: deal!.version + 1, toStage: 'won' })).toEqual({ ok: false, code: 'NOT_FOUND' });
    signedIn.actor = testActor(orgId, 'OPERATOR', operatorId, [siteId]);
    expect(await moveDealAction({ id: deal!.id, fromStage: 'proposal', version: deal!.version + 1, toStage: 'won' })).toEqual({ ok: false, code: 'FORBIDDEN' });
    signedIn.actor = manager();
    expect(await moveDealAction({ id: deal!.id, fromStage: 'proposal', version: deal!.version + 1, toStage: 'lost', reason: 'Price' })).toMatchObject({ ok: true, data: { stage: 'lost' } });
    const [after] = await db.select().from(deals).where(eq(deals.id, deal!.id));
    expect(after).toMatchObject({ stage: 'lost', closeReason: 'Price', version: deal!.version + 2 });
    expect(after!.closedAt).not.toBeNull();
  });

  it('the board groups by stage with counts, totals and commissions, within scope', async () => {
    const board = await pipelineBoard(db, manager(), DEAL_STAGES);
    const prospect = board.find((c) => c.stage === 'prospect')!;
    expect(prospect).toMatchObject({ count: 1, valueCents: 1_250_050 });
    expect(prospect.cards[0]).toMatchObject({ title: 'First rack', partyName: 'Chen Hash', commissionCents: 31_251 });
    expect(board.find((c) => c.stage === 'lost')).toMatchObject({ count: 1, valueCents: 100_000 });
    expect((await pipelineBoard(db, otherManager(), DEAL_STAGES)).every((c) => c.count === 0)).toBe(true);
    expect((await pipelineBoard(db, foreignAdmin(), DEAL_STAGES)).every((c) => c.count === 0)).toBe(true);
  });

  it('refuses negative amounts and a rate with a fixed commission as field errors', async () => {
    const [acme] = await db.select().from(customers).where(and(eq(customers.orgId, orgId), eq(customers.email, 'ops@acme.test')));
    signedIn.actor = admin();
    expect(await createDealAction(null, formData({ customerId: acme!.id, title: 'Neg', value: '-10' }))).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { value: 'notNegative' } });
    expect(await createDealAction(null, formData({ customerId: acme!.id, title: 'Neg', value: '10', brokerName: 'B', commissionFixed: '-1' }))).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { commissionFixed: 'notNegative' } });
    expect(await createDealAction(null, formData({ customerId: acme!.id, title: 'Both', value: '10', brokerName: 'B', commissionFixed: '1', commissionPct: '3' }))).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { commissionFixed: 'invalid' } });
    expect(await createDealAction(null, formData({ customerId: acme!.id, title: 'No broker', value: '10', commissionPct: '3' }))).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { brokerName: 'required' } });
  });
});

describe('activities', () => {
  it('a task needs a due time, is listed overdue until done, and done twice is a CONFLICT', async () => {
    const [acme] = await db.select().from(customers).where(and(eq(customers.orgId, orgId), eq(customers.email, 'ops@acme.test')));
    signedIn.actor = manager();
    expect(await logActivityAction(null, formData({ customerId: acme!.id, kind: 'task', subject: 'Send contract' }))).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { dueAt: 'required' } });
    const due = new Date(Date.now() - 3_600_000).toISOString();
    const task = await logActivityAction(null, formData({ customerId: acme!.id, kind: 'task', subject: 'Send contract', dueAt: due }));
    const taskId = (task as { data: { id: string } }).data.id;
    const overdue = await listActivities(db, manager(), { overdue: true }, page, new Date());
    expect(overdue.rows.map((r) => r.id)).toEqual([taskId]);
    expect((await listActivities(db, otherManager(), {}, page, new Date())).rows).toEqual([]);
    expect(await completeTaskAction(null, formData({ id: taskId }))).toEqual({ ok: true, data: { id: taskId } });
    expect(await completeTaskAction(null, formData({ id: taskId }))).toEqual({ ok: false, code: 'CONFLICT' });
    expect((await listActivities(db, manager(), { overdue: true }, page, new Date())).rows).toEqual([]);
  });
});
