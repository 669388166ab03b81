import { signedIn } from '../helpers/signed-in';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditLog, crmActivities, customerAccounts, customerContacts, customerNotes, deals } from '@/db/schema';
import { formData, testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

// Editing and deleting contacts, notes and deals through the real server actions (only the signed-in
// user and Next's cache revalidation are stood in for): scope, authorship, versions and the audit.

const { addContactAction } = await import('@/lib/actions/crm/add-contact');
const { updateContactAction } = await import('@/lib/actions/crm/update-contact');
const { deleteContactAction } = await import('@/lib/actions/crm/delete-contact');
const { addNoteAction } = await import('@/lib/actions/crm/add-note');
const { updateNoteAction } = await import('@/lib/actions/crm/update-note');
const { deleteNoteAction } = await import('@/lib/actions/crm/delete-note');
const { createDealAction } = await import('@/lib/actions/crm/create-deal');
const { updateDealAction } = await import('@/lib/actions/crm/update-deal');
const { deleteDealAction } = await import('@/lib/actions/crm/delete-deal');
const { moveDealAction } = await import('@/lib/actions/crm/move-deal');
const { logActivityAction } = await import('@/lib/actions/crm/log-activity');

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let otherOrgId: string;
let siteId: string;
let adminId: string;
let managerId: string;
let otherManagerId: string;
let operatorId: string;
let foreignAdminId: string;
let customerId: string;

const admin = () => testActor(orgId, 'ADMIN', adminId);
const manager = () => testActor(orgId, 'MINING_SITE_OWNER', managerId, [siteId]);
const otherManager = () => testActor(orgId, 'MINING_SITE_OWNER', otherManagerId, [siteId]);
const audits = async (action: string) => db.select().from(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, action)));

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
  customerId = (await makeCustomer(db, orgId)).id;
  await db.insert(customerAccounts).values({ customerId, orgId, ownerUserId: managerId });
});
afterAll(() => drop());

describe('contacts: edit and delete', () => {
  it('edits a contact, moves the primary mark, refuses bad input and other scopes, deletes with an audit', async () => {
    signedIn.actor = manager();
    const a = await addContactAction(null, formData({ customerId, name: 'Ann', email: 'ann@x.test', isPrimary: 'on' }));
    const b = await addContactAction(null, formData({ customerId, name: 'Bob' }));
    if (!a.ok || !b.ok) throw new Error('setup');
    expect(await updateContactAction(null, formData({ id: b.data.id, name: '', email: 'nope' }))).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { name: 'required', email: 'email' } });
    expect(await updateContactAction(null, formData({ id: b.data.id, name: 'Bob Lee', title: 'CFO', email: 'BOB@X.test', isPrimary: 'on' }))).toEqual({ ok: true, data: { id: b.data.id } });
    const rows = await db.select().from(customerContacts).where(eq(customerContacts.customerId, customerId));
    expect(rows.map((r) => [r.name, r.email, r.title, r.isPrimary]).sort()).toEqual([
      ['Ann', 'ann@x.test', null, false],
      ['Bob Lee', 'bob@x.test', 'CFO', true],
    ]);
    const [edit] = await audits('customer.contact.update');
    expect(edit).toMatchObject({ actorUserId: managerId, entityId: customerId, before: { name: 'Bob', isPrimary: false }, after: { name: 'Bob Lee', isPrimary: true } });

    // A manager of other customers, an operator (read only) and another organization reach nothing.
    signedIn.actor = otherManager();
    expect(await updateContactAction(null, formData({ id: a.data.id, name: 'X' }))).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await deleteContactAction({ id: a.data.id })).toEqual({ ok: false, code: 'NOT_FOUND' });
    signedIn.actor = testActor(orgId, 'OPERATOR', operatorId, [siteId]);
    expect(await deleteContactAction({ id: a.data.id })).toEqual({ ok: false, code: 'FORBIDDEN' });
    signedIn.actor = testActor(otherOrgId, 'OWNER', foreignAdminId);
    expect(await deleteContactAction({ id: a.data.id })).toEqual({ ok: false, code: 'NOT_FOUND' });

    signedIn.actor = manager();
    expect(await deleteContactAction({ id: a.data.id })).toEqual({ ok: true, data: { id: a.data.id } });
    expect(await deleteContactAction({ id: a.data.id })).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect((await db.select().from(customerContacts).where(eq(customerContacts.customerId, customerId))).map((r) => r.name)).toEqual(['Bob Lee']);
    expect(await audits('customer.contact.delete')).toMatchObject([{ before: { name: 'Ann', email: 'ann@x.test' }, after: null }]);
  });
});

describe('notes: edit and delete', () => {
  it('the author or an admin edits and deletes; a colleague managing the same customer may not; the audit keeps lengths, not text', async () => {
    signedIn.actor = manager();
    const n = await addNoteAction(null, formData({ customerId, body: 'Wants 2 MW in spring' }));
    if (!n.ok) throw new Error('setup');
    // The colleague manages the customer too (made its manager), but did not write the note.
    await db.update(customerAccounts).set({ ownerUserId: otherManagerId }).where(eq(customerAccounts.customerId, customerId));
    signedIn.actor = otherManager();
    expect(await updateNoteAction(null, formData({ id: n.data.id, body: 'rewritten' }))).toEqual({ ok: false, code: 'FORBIDDEN' });
    await db.update(customerAccounts).set({ ownerUserId: managerId }).where(eq(customerAccounts.customerId, customerId));

    signedIn.actor = manager();
    expect(await updateNoteAction(null, formData({ id: n.data.id, body: '   ' }))).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { body: 'required' } });
    expect(await updateNoteAction(null, formData({ id: n.data.id, body: 'Wants 3 MW in spring' }))).toEqual({ ok: true, data: { id: n.data.id } });
    const [note] = await db.select().from(customerNotes).where(eq(customerNotes.id, n.data.id));
    expect(note!.body).toBe('Wants 3 MW in spring');
    const [audit] = await audits('customer.note.update');
    expect(audit).toMatchObject({ before: { chars: 20 }, after: { chars: 20 } });
    expect(JSON.stringify(audit)).not.toContain('MW');

    signedIn.actor = admin();
    expect(await deleteNoteAction({ id: n.data.id })).toEqual({ ok: true, data: { id: n.data.id } });
    expect(await db.select().from(customerNotes).where(eq(customerNotes.id, n.data.id))).toEqual([]);
  });
});

describe('deals: edit fields and delete at a version', () => {
  it('edits title, value, close date and commission with a version bump; a stale form gets CONFLICT and writes nothing', async () => {
    signedIn.actor = admin();
    const created = await createDealAction(null, formData({ customerId, title: '2 MW hosting', value: '12,500.00', brokerName: 'Li', commissionPct: '2.5' }));
    if (!created.ok) throw new Error('setup');
    const id = created.data.id;
    expect(await updateDealAction(null, formData({ id, version: '1', title: '3 MW hosting', value: '18,000.50', expectedCloseOn: '2027-03-31', brokerName: 'Li', commissionPct: '', commissionFixed: '400' }))).toEqual({ ok: true, data: { id, version: 2 } });
    const [deal] = await db.select().from(deals).where(eq(deals.id, id));
    expect(deal).toMatchObject({ title: '3 MW hosting', valueCents: 1_800_050, expectedCloseOn: '2027-03-31', commissionBps: null, commissionFixedCents: 40_000, stage: 'prospect', version: 2 });
    // The form opened at version 1 again: someone else has saved since.
    expect(await updateDealAction(null, formData({ id, version: '1', title: 'stale', value: '1' }))).toMatchObject({ ok: false, code: 'CONFLICT' });
    // A board move bumps the version too; the edit form must be reopened after it.
    expect(await moveDealAction({ id, fromStage: 'prospect', version: 2, toStage: 'qualified' })).toMatchObject({ ok: true, data: { version: 3 } });
    expect(await updateDealAction(null, formData({ id, version: '2', title: 'stale', value: '1' }))).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await updateDealAction(null, formData({ id, version: '3', title: '3 MW', value: '-5' }))).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { value: 'notNegative' } });
    const [after] = await db.select().from(deals).where(eq(deals.id, id));
    expect(after).toMatchObject({ title: '3 MW hosting', version: 3, stage: 'qualified' });
    const [audit] = await audits('deal.update');
    expect(audit).toMatchObject({ before: { title: '2 MW hosting', valueCents: 1_250_000, commissionBps: 250 }, after: { title: '3 MW hosting', valueCents: 1_800_050, commissionFixedCents: 40_000 } });
  });

  it('without the commission permission the stored commission stays (every CRM writer holds it today, so the query is called directly); deleting needs the current version and keeps activities', async () => {
    signedIn.actor = admin();
    const created = await createDealAction(null, formData({ customerId, title: 'Rack B', value: '1000', brokerName: 'Wu', commissionPct: '5' }));
    if (!created.ok) throw new Error('setup');
    const id = created.data.id;
    const { updateDeal } = await import('@/db/queries/crm/deals');
    const { dealUpdateSchema } = await import('@/lib/validation/crm');
    const input = dealUpdateSchema.parse({ id, version: '1', title: 'Rack B2', value: '1000' });
    expect(await updateDeal(db, manager(), input, new Date(), true)).toEqual({ id, version: 2 });
    const [deal] = await db.select().from(deals).where(eq(deals.id, id));
    expect(deal).toMatchObject({ title: 'Rack B2', brokerName: 'Wu', commissionBps: 500 });
    signedIn.actor = manager();
    const activity = await logActivityAction(null, formData({ customerId, dealId: id, kind: 'call', subject: 'Called about rack B' }));
    expect(activity.ok).toBe(true);

    signedIn.actor = otherManager();
    expect(await deleteDealAction({ id, version: 2 })).toEqual({ ok: false, code: 'NOT_FOUND' });
    signedIn.actor = manager();
    expect(await deleteDealAction({ id, version: 1 })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await deleteDealAction({ id, version: 2 })).toEqual({ ok: true, data: { id } });
    expect(await db.select().from(deals).where(eq(deals.id, id))).toEqual([]);
    const kept = await db.select().from(crmActivities).where(eq(crmActivities.customerId, customerId));
    expect(kept.map((a) => [a.subject, a.dealId])).toEqual([['Called about rack B', null]]);
    expect(await audits('deal.delete')).toMatchObject([{ entityId: id, before: { title: 'Rack B2', stage: 'prospect' }, after: null }]);
  });
});
