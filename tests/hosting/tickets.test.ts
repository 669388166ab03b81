import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listAssignees } from '@/db/queries/hosting/ticket-assignees';
import { addTicketComment, assignTicket, changeTicketStatus, createTicket } from '@/db/queries/hosting/ticket-writes';
import { getTicket, listMinerTickets, listTicketComments, listTickets, markTicketNoticesRead, unreadTicketNotices } from '@/db/queries/hosting/tickets';
import { auditLog, notificationDeliveries, ticketComments, ticketNotifications, tickets } from '@/db/schema';
import type { Principal } from '@/lib/core/principal';
import { emailTicketNotices } from '@/lib/actions/hosting/ticket-notice-email';
import { AppError } from '@/lib/core/errors';
import { scopeFor } from '@/lib/core/scope';
import { createTicketSchema, ticketCommentSchema } from '@/lib/validation/tickets';
import { createTestDb } from '../helpers/db';
import { startFakeSmtp } from '../helpers/fake-smtp';
import { makeCustomer, makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
const w: Record<string, Principal> = {};
const id: Record<string, string> = {};
const now = new Date('2026-05-01T08:00:00Z');

const input = (v: Record<string, unknown>) => createTicketSchema.parse({ title: 'Hashboard 2 missing', body: 'Chain 2 reads 0 chips', priority: 'high', ...v });
const code = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof AppError ? e.code : String(e)));

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  smtp = await startFakeSmtp();
  const org = await makeOrg(db);
  const a = await makeSite(db, org.id, 'Alpha');
  const b = await makeSite(db, org.id, 'Bravo');
  const acme = await makeCustomer(db, org.id, 'client-a@example.test');
  const other = await makeCustomer(db, org.id, 'client-b@example.test');
  const mA = await makeMiner(db, { orgId: org.id, siteId: a.id, customerId: acme.id });
  const mB = await makeMiner(db, { orgId: org.id, siteId: b.id, customerId: other.id });
  const owner = await makeUser(db, { orgId: org.id, role: 'OWNER' });
  const opA = await makeUser(db, { orgId: org.id, role: 'OPERATOR', siteIds: [a.id], email: 'op-a@example.test' });
  const opB = await makeUser(db, { orgId: org.id, role: 'operator', siteIds: [b.id] });
  const client = await makeUser(db, { orgId: org.id, role: 'CLIENT', email: 'client-a@example.test' });
  Object.assign(id, { org: org.id, a: a.id, b: b.id, acme: acme.id, other: other.id, mA: mA.id, mB: mB.id, owner: owner.user.id, opA: opA.user.id, opB: opB.user.id, client: client.user.id, mAName: mA.name, mASerial: mA.serial! });
  const who = (userId: string, role: 'OWNER' | 'OPERATOR' | 'CLIENT', siteIds: string[] = [], customerIds: string[] = []) => ({ orgId: org.id, userId, scope: scopeFor({ orgId: org.id, role, assignedSiteIds: siteIds, linkedCustomerIds: customerIds }) });
  Object.assign(w, { owner: who(owner.user.id, 'OWNER'), opA: who(opA.user.id, 'OPERATOR', [a.id]), opB: who(opB.user.id, 'OPERATOR', [b.id]), client: who(client.user.id, 'CLIENT', [], [acme.id]) });
});
afterAll(async () => {
  await smtp.close();
  await drop();
});

describe('createTicket', () => {
  it('on a miner: takes its site and customer, computes the SLA, audits and notifies the assignee', async () => {
    const { ticket, notices } = await createTicket(db, w.owner!, input({ minerId: id.mA, assigneeUserId: id.opA }), now);
    expect(ticket).toMatchObject({ siteId: id.a, customerId: id.acme, minerId: id.mA, status: 'open', assigneeUserId: id.opA });
    expect(ticket.slaDueAt.toISOString()).toBe('2026-05-01T16:00:00.000Z');
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, ticket.id), eq(auditLog.action, 'ticket.create')));
    expect(audit).toMatchObject({ actorUserId: id.owner, before: null });
    expect(audit!.after).toMatchObject({ status: 'open', priority: 'high', assigneeUserId: id.opA });
    expect(notices).toEqual([expect.objectContaining({ kind: 'assigned', userId: id.opA, email: 'op-a@example.test' })]);
    expect([...(await unreadTicketNotices(db, id.org!, id.opA!))]).toEqual([ticket.id]);
    id.t1 = ticket.id;
  });

  it('finds a miner by name or serial typed in the dialog, within scope only', async () => {
    const byName = await createTicket(db, w.opA!, input({ minerRef: id.mAName!.toLowerCase() }), now);
    expect(byName.ticket.minerId).toBe(id.mA);
    const bySerial = await createTicket(db, w.opA!, input({ minerRef: id.mASerial }), now);
    expect(bySerial.ticket.minerId).toBe(id.mA);
    expect(await code(createTicket(db, w.opB!, input({ minerRef: id.mAName }), now))).toBe('VALIDATION');
  });

  it('refuses out-of-scope targets and a site-bound assignee of another site, writing nothing', async () => {
    const count = async () => (await db.select({ id: tickets.id }).from(tickets)).length;
    const before = await count();
    expect(await code(createTicket(db, w.opA!, input({ minerId: id.mB }), now))).toBe('VALIDATION');
    expect(await code(createTicket(db, w.opA!, input({ siteId: id.b }), now))).toBe('VALIDATION');
    expect(await code(createTicket(db, w.owner!, input({ siteId: id.a, assigneeUserId: id.opB }), now))).toBe('VALIDATION');
    expect(await code(createTicket(db, w.client!, input({ minerId: id.mB }), now))).toBe('VALIDATION');
    expect(await code(createTicket(db, w.client!, input({ customerId: id.other }), now))).toBe('VALIDATION');
    expect(await code(createTicket(db, w.client!, input({ siteId: id.a }), now))).toBe('VALIDATION');
    expect(await code(createTicket(db, w.client!, input({ minerId: id.mA, assigneeUserId: id.opA }), now))).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });

  it('rejects bad input in the schema: no target, short title, unknown priority', () => {
    const r = createTicketSchema.safeParse({ title: 'x', priority: 'asap', body: '' });
    expect(r.success).toBe(false);
    const fields = r.error!.issues.map((i) => i.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['title', 'priority']));
    expect(createTicketSchema.safeParse({ title: 'Noisy fan', priority: 'low' }).error!.issues[0]!.path).toEqual(['target']);
    expect(ticketCommentSchema.safeParse({ id: id.t1, body: '   ', internal: '' }).success).toBe(false);
  });
});

describe('scoping', () => {
  it('a client opens a ticket on its own miner and sees only its customer’s tickets', async () => {
    const mine = await createTicket(db, w.client!, input({ minerId: id.mA, priority: 'normal' }), now);
    const others = await createTicket(db, w.owner!, input({ minerId: id.mB, title: 'Other customer PSU' }), now);
    id.clientTicket = mine.ticket.id;
    id.bTicket = others.ticket.id;
    const page = await listTickets(db, w.client!.scope, {}, { page: 1, pageSize: 100 }, now);
    expect(page.rows.every((r) => r.customerId === id.acme)).toBe(true);
    expect(page.rows.map((r) => r.id)).toContain(mine.ticket.id);
    expect(await getTicket(db, w.client!.scope, others.ticket.id)).toBeNull();
  });

  it('an operator of site A cannot see or change a site B ticket: not found', async () => {
    expect(await getTicket(db, w.opA!.scope, id.bTicket!)).toBeNull();
    const page = await listTickets(db, w.opA!.scope, {}, { page: 1, pageSize: 100 }, now);
    expect(page.rows.map((r) => r.id)).not.toContain(id.bTicket);
    expect(await code(changeTicketStatus(db, w.opA!, id.bTicket!, 'in_progress', now))).toBe('NOT_FOUND');
    expect(await code(addTicketComment(db, w.opA!, id.bTicket!, { body: 'hi', internal: false }, now))).toBe('NOT_FOUND');
    expect(await code(assignTicket(db, w.opA!, id.bTicket!, id.opA!, now))).toBe('NOT_FOUND');
    const [row] = await db.select().from(tickets).where(eq(tickets.id, id.bTicket!));
    expect(row!.status).toBe('open');
  });

  it('a customer-only ticket is visible to staff of a site hosting that customer', async () => {
    const { ticket } = await createTicket(db, w.owner!, input({ customerId: id.other, title: 'Invoice question' }), now);
    expect(await getTicket(db, w.opB!.scope, ticket.id)).not.toBeNull();
    expect(await getTicket(db, w.opA!.scope, ticket.id)).toBeNull();
    expect((await listAssignees(db, id.org!, ticket)).map((u) => u.id).sort()).toEqual([id.owner, id.opB].sort());
  });
});

describe('lifecycle', () => {
  it('moves open → in progress → resolved → reopened (the SLA restarts), with audit before/after', async () => {
    const later = new Date(now.getTime() + 3_600_000);
    expect(await code(changeTicketStatus(db, w.opA!, id.t1!, 'resolved', later))).toBe('CONFLICT');
    await changeTicketStatus(db, w.opA!, id.t1!, 'in_progress', later);
    const resolved = await changeTicketStatus(db, w.opA!, id.t1!, 'resolved', later);
    expect(resolved.ticket.resolvedAt?.toISOString()).toBe(later.toISOString());
    const reopenAt = new Date(now.getTime() + 48 * 3_600_000);
    const reopened = await changeTicketStatus(db, w.owner!, id.t1!, 'open', reopenAt);
    expect(reopened.ticket.resolvedAt).toBeNull();
    expect(reopened.ticket.slaDueAt.toISOString()).toBe(new Date(reopenAt.getTime() + 8 * 3_600_000).toISOString());
    expect(reopened.notices.map((n) => n.kind)).toEqual(['status']);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id.t1!), eq(auditLog.action, 'ticket.status')));
    expect(audits.map((a) => [(a.before as { status: string }).status, (a.after as { status: string }).status])).toEqual([
      ['open', 'in_progress'],
      ['in_progress', 'resolved'],
      ['resolved', 'open'],
    ]);
  });

  it('a client may only close or reopen a resolved ticket', async () => {
    expect(await code(changeTicketStatus(db, w.client!, id.clientTicket!, 'in_progress', now))).toBe('CONFLICT');
    await changeTicketStatus(db, w.opA!, id.clientTicket!, 'in_progress', now);
    await changeTicketStatus(db, w.opA!, id.clientTicket!, 'resolved', now);
    const closed = await changeTicketStatus(db, w.client!, id.clientTicket!, 'closed', now);
    expect(closed.ticket.closedAt?.toISOString()).toBe(now.toISOString());
    expect(await code(changeTicketStatus(db, w.owner!, id.clientTicket!, 'open', now))).toBe('CONFLICT');
  });

  it('assigning notifies the new assignee; a client cannot assign', async () => {
    expect(await code(assignTicket(db, w.client!, id.clientTicket!, id.opA!, now))).toBe('FORBIDDEN');
    const r = await assignTicket(db, w.owner!, id.bTicket!, id.opB!, now);
    expect(r.notices).toEqual([expect.objectContaining({ kind: 'assigned', userId: id.opB })]);
    expect(await code(assignTicket(db, w.owner!, id.bTicket!, id.opA!, now))).toBe('VALIDATION');
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id.bTicket!), eq(auditLog.action, 'ticket.assign')));
    expect(audit).toMatchObject({ before: { assigneeUserId: null }, after: { assigneeUserId: id.opB } });
  });
});

describe('comments', () => {
  it('internal notes stay hidden from the client, who cannot write one', async () => {
    await addTicketComment(db, w.opA!, id.t1!, { body: 'Swapped hashboard 2', internal: false }, now);
    await addTicketComment(db, w.opA!, id.t1!, { body: 'Customer PSU looks undersized', internal: true }, now);
    const clientView = await listTicketComments(db, w.client!.scope, id.t1!);
    const staffView = await listTicketComments(db, w.opA!.scope, id.t1!);
    expect(clientView.map((c) => c.body)).toEqual(['Swapped hashboard 2']);
    expect(staffView).toHaveLength(2);
    const before = (await db.select().from(ticketComments)).length;
    expect(await code(addTicketComment(db, w.client!, id.t1!, { body: 'sneaky', internal: true }, now))).toBe('FORBIDDEN');
    expect((await db.select().from(ticketComments)).length).toBe(before);
  });

  it('a client comment notifies the assignee; the assignee reading the ticket clears it', async () => {
    const r = await addTicketComment(db, w.client!, id.t1!, { body: 'Still offline', internal: false }, now);
    expect(r.notices).toEqual([expect.objectContaining({ kind: 'comment', userId: id.opA })]);
    expect((await unreadTicketNotices(db, id.org!, id.opA!)).has(id.t1!)).toBe(true);
    await markTicketNoticesRead(db, id.opA!, id.t1!, now);
    expect((await unreadTicketNotices(db, id.org!, id.opA!)).has(id.t1!)).toBe(false);
    const rows = await db.select().from(ticketNotifications).where(eq(ticketNotifications.ticketId, id.t1!));
    expect(rows.every((n) => n.userId === id.opA && n.readAt !== null)).toBe(true);
  });
});

describe('list filters', () => {
  it('overdue, priority, assignee and mine narrow the page; overdue only counts active work', async () => {
    const late = new Date(now.getTime() + 100 * 3_600_000);
    const overdue = await listTickets(db, w.owner!.scope, { overdue: true }, { page: 1, pageSize: 100 }, late);
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.rows.every((r) => (r.status === 'open' || r.status === 'in_progress') && r.slaDueAt < late)).toBe(true);
    expect((await listTickets(db, w.owner!.scope, { overdue: true }, { page: 1, pageSize: 100 }, now)).total).toBe(0);
    const mine = await listTickets(db, w.opA!.scope, { mineUserId: id.opA }, { page: 1, pageSize: 100 }, now);
    expect(mine.rows.length).toBeGreaterThan(0);
    const assigned = await listTickets(db, w.owner!.scope, { assigneeId: id.opB }, { page: 1, pageSize: 100 }, now);
    expect(assigned.rows.map((r) => r.id)).toEqual([id.bTicket]);
    const all = await listTickets(db, w.owner!.scope, {}, { page: 1, pageSize: 25 }, now);
    expect(all.total).toBe(6);
    expect(all.rows[0]!.status).toBe('open');
    expect((await listTickets(db, w.owner!.scope, {}, { page: 2, pageSize: 25 }, now)).rows).toEqual([]);
    expect((await listMinerTickets(db, w.opA!.scope, id.mA!)).total).toBeGreaterThanOrEqual(4);
    expect((await listMinerTickets(db, w.opB!.scope, id.mA!)).total).toBe(0);
  });
});

describe('notice email', () => {
  it('emails the assignee through the local SMTP server once per notice', async () => {
    // The operator hands the ticket to the owner: the owner gets the notice.
    const { notices } = await assignTicket(db, w.opA!, id.t1!, id.owner!, now);
    expect(notices).toHaveLength(1);
    const first = await emailTicketNotices(db, id.org!, notices, { baseUrl: 'http://127.0.0.1:3000', smtp: smtp.smtp });
    const again = await emailTicketNotices(db, id.org!, notices, { baseUrl: 'http://127.0.0.1:3000', smtp: smtp.smtp });
    expect(first.map((r) => r.status)).toEqual(['sent']);
    expect(again.map((r) => r.status)).toEqual(['duplicate']);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.raw.replace(/=\r?\n/g, '')).toContain(`/en/hosting/tickets/${id.t1}`);
    const [delivery] = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.kind, 'ticket.assigned'));
    expect(delivery).toMatchObject({ status: 'sent', userId: id.owner });
  });
});
