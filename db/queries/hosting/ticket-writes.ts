import { and, eq, ilike, or, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Principal } from '@/lib/core/principal';
import type { Scope } from '@/lib/core/scope';
import { slaDueAt } from '@/lib/domain/hosting/ticket-sla';
import { canTransition, type TicketStatus, transitionStamps } from '@/lib/domain/hosting/ticket-status';
import type { CreateTicketInput } from '@/lib/validation/tickets';
import type { Db } from '../../client';
import { customers, miners, sites, ticketComments, ticketNotifications, tickets, users } from '../../schema';
import { recordAudit } from '../admin/audit';
import { customerScope, minerScope, siteScope } from '../scope';
import { listAssignees } from './ticket-assignees';
import { isCustomerView, ticketScope } from './ticket-scope';


/** An in-app notice written with the change; the caller may also email it once the change is committed. */
export type TicketNotice = { id: number; kind: 'assigned' | 'status' | 'comment'; userId: string; email: string; name: string; locale: string; ticket: { id: string; number: number; title: string; status: string } };

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type TicketRow = typeof tickets.$inferSelect;

const snapshot = (t: TicketRow) => ({
  number: t.number,
  title: t.title,
  priority: t.priority,
  status: t.status,
  siteId: t.siteId,
  minerId: t.minerId,
  customerId: t.customerId,
  assigneeUserId: t.assigneeUserId,
  slaDueAt: t.slaDueAt.toISOString(),
});

const invalid = (field: string) => new AppError('VALIDATION', `invalid ${field}`, { [field]: 'invalid' });

async function notify(tx: Tx, who: Principal, ticket: TicketRow, userId: string | null, kind: TicketNotice['kind']): Promise<TicketNotice[]> {
  if (!userId || userId === who.userId) return [];
  const [row] = await tx.insert(ticketNotifications).values({ orgId: who.orgId, userId, ticketId: ticket.id, kind }).returning({ id: ticketNotifications.id });
  const [user] = await tx.select({ email: users.email, name: users.name, locale: users.locale }).from(users).where(eq(users.id, userId));
  return [{ id: row!.id, kind, userId, email: user!.email, name: user!.name, locale: user!.locale, ticket: { id: ticket.id, number: ticket.number, title: ticket.title, status: ticket.status } }];
}

async function assertAssignable(tx: Tx, orgId: string, userId: string, target: { siteId: string | null; customerId: string | null }) {
  const allowed = await listAssignees(tx, orgId, target);
  if (!allowed.some((a) => a.id === userId)) throw invalid('assigneeUserId');
}

/** The target inside the caller's scope: a miner brings its site and customer along. */
async function resolveTarget(tx: Tx, who: Principal, input: CreateTicketInput) {
  const customerView = isCustomerView(who.scope);
  if (input.minerId || input.minerRef) {
    const match = input.minerId ? eq(miners.id, input.minerId) : or(ilike(miners.name, input.minerRef!.replace(/[\\%_]/g, '\\$&')), eq(miners.serial, input.minerRef!));
    const found = await tx.select({ id: miners.id, siteId: miners.siteId, customerId: miners.customerId }).from(miners).where(and(minerScope(who.scope), match)).limit(2);
    if (found.length !== 1) throw invalid(input.minerId ? 'minerId' : 'minerRef');
    return { minerId: found[0]!.id, siteId: found[0]!.siteId, customerId: found[0]!.customerId };
  }
  // A customer opens tickets on its own miners or its own account, never on a whole site.
  if (customerView && input.siteId) throw invalid('siteId');
  if (input.siteId) {
    const [site] = await tx.select({ id: sites.id }).from(sites).where(and(siteScope(who.scope), eq(sites.id, input.siteId)));
    if (!site) throw invalid('siteId');
  }
  if (input.customerId) {
    const [customer] = await tx.select({ id: customers.id }).from(customers).where(and(customerScope(who.scope), eq(customers.id, input.customerId)));
    if (!customer) throw invalid('customerId');
  }
  return { minerId: null, siteId: input.siteId ?? null, customerId: input.customerId ?? null };
}

export async function createTicket(db: Db, who: Principal, input: CreateTicketInput, now: Date): Promise<{ ticket: TicketRow; notices: TicketNotice[] }> {
  if (input.assigneeUserId && isCustomerView(who.scope)) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const target = await resolveTarget(tx, who, input);
    if (input.assigneeUserId) await assertAssignable(tx, who.orgId, input.assigneeUserId, target);
    const [ticket] = await tx
      .insert(tickets)
      .values({ orgId: who.orgId, ...target, title: input.title, body: input.body, priority: input.priority, assigneeUserId: input.assigneeUserId ?? null, createdByUserId: who.userId, slaDueAt: slaDueAt(input.priority, now), createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'ticket.create', entityType: 'ticket', entityId: ticket!.id, siteIds: [ticket!.siteId], before: null, after: snapshot(ticket!) });
    return { ticket: ticket!, notices: await notify(tx, who, ticket!, ticket!.assigneeUserId, 'assigned') };
  });
}

async function lockInScope(tx: Tx, scope: Scope, id: string): Promise<TicketRow> {
  const [row] = await tx.select({ t: tickets }).from(tickets).where(and(eq(tickets.id, id), ticketScope(scope))).for('update', { of: tickets });
  if (!row) throw new AppError('NOT_FOUND');
  return row.t;
}

/** A move the lifecycle does not allow (or not for a customer) is a 409: the ticket changed under the page. */
export async function changeTicketStatus(db: Db, who: Principal, id: string, to: TicketStatus, now: Date) {
  return db.transaction(async (tx) => {
    const before = await lockInScope(tx, who.scope, id);
    if (!canTransition(before.status, to, isCustomerView(who.scope) ? 'customer' : 'staff')) throw new AppError('CONFLICT', `Cannot move a ${before.status} ticket to ${to}`);
    const { restartSla, ...stamps } = transitionStamps(to, now);
    const [after] = await tx
      .update(tickets)
      .set({ status: to, ...stamps, ...(restartSla ? { slaDueAt: slaDueAt(before.priority, now) } : {}), updatedAt: now })
      .where(eq(tickets.id, id))
      .returning();
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'ticket.status', entityType: 'ticket', entityId: id, siteIds: [before.siteId], before: { status: before.status, slaDueAt: before.slaDueAt.toISOString() }, after: { status: to, slaDueAt: after!.slaDueAt.toISOString() } });
    return { ticket: after!, notices: await notify(tx, who, after!, after!.assigneeUserId, 'status') };
  });
}

export async function assignTicket(db: Db, who: Principal, id: string, assigneeUserId: string | null, now: Date) {
  if (isCustomerView(who.scope)) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const before = await lockInScope(tx, who.scope, id);
    if (before.assigneeUserId === assigneeUserId) return { ticket: before, notices: [] };
    if (assigneeUserId) await assertAssignable(tx, who.orgId, assigneeUserId, before);
    const [after] = await tx.update(tickets).set({ assigneeUserId, updatedAt: now }).where(eq(tickets.id, id)).returning();
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'ticket.assign', entityType: 'ticket', entityId: id, siteIds: [before.siteId], before: { assigneeUserId: before.assigneeUserId }, after: { assigneeUserId } });
    return { ticket: after!, notices: await notify(tx, who, after!, assigneeUserId, 'assigned') };
  });
}

/** Internal notes are staff-only: a customer asking for one is refused rather than silently published. */
export async function addTicketComment(db: Db, who: Principal, id: string, input: { body: string; internal: boolean }, now: Date) {
  if (input.internal && isCustomerView(who.scope)) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const ticket = await lockInScope(tx, who.scope, id);
    const [comment] = await tx.insert(ticketComments).values({ ticketId: id, authorUserId: who.userId, body: input.body, internal: input.internal, createdAt: now }).returning();
    await tx.update(tickets).set({ updatedAt: sql`greatest(${tickets.updatedAt}, ${now.toISOString()}::timestamptz)` }).where(eq(tickets.id, id));
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'ticket.comment', entityType: 'ticket', entityId: id, siteIds: [ticket.siteId], before: null, after: { commentId: comment!.id, internal: input.internal, chars: input.body.length } });
    return { comment: comment!, notices: await notify(tx, who, ticket, ticket.assigneeUserId, 'comment') };
  });
}
