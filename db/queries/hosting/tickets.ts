import { aliasedTable, and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import type { TicketPriority } from '@/lib/domain/hosting/ticket-sla';
import type { TicketStatus } from '@/lib/domain/hosting/ticket-status';
import type { Db } from '../../client';
import { customers, miners, sites, ticketComments, ticketMiners, ticketNotifications, tickets, users } from '../../schema';
import { type PageRequest, pageOf, windowTotal } from '../pagination';
import { minerScope } from '../scope';
import { isCustomerView, ticketScope } from './ticket-scope';

const assignee = aliasedTable(users, 'assignee');
const creator = aliasedTable(users, 'creator');
const ACTIVE: TicketStatus[] = ['open', 'in_progress'];

export type TicketFilter = {
  status?: TicketStatus | 'active';
  priority?: TicketPriority;
  siteId?: string;
  assigneeId?: string | 'none';
  overdue?: boolean;
  /** Assigned to or opened by this user. */
  mineUserId?: string;
};

const columns = {
  id: tickets.id,
  number: tickets.number,
  title: tickets.title,
  priority: tickets.priority,
  status: tickets.status,
  slaDueAt: tickets.slaDueAt,
  createdAt: tickets.createdAt,
  updatedAt: tickets.updatedAt,
  siteId: tickets.siteId,
  siteName: sites.name,
  minerId: tickets.minerId,
  minerName: miners.name,
  customerId: tickets.customerId,
  customerName: customers.name,
  assigneeUserId: tickets.assigneeUserId,
  assigneeName: assignee.name,
};

/**
 * One page of tickets in scope with the total in the same round trip. Work waiting on staff comes
 * first, the most urgent due time on top; finished tickets follow, newest first.
 */
export async function listTickets(db: Db, scope: Scope, filter: TicketFilter, req: PageRequest, now: Date) {
  const where = and(
    ticketScope(scope),
    filter.status === 'active' ? inArray(tickets.status, ACTIVE) : filter.status ? eq(tickets.status, filter.status) : undefined,
    filter.priority ? eq(tickets.priority, filter.priority) : undefined,
    filter.siteId ? eq(tickets.siteId, filter.siteId) : undefined,
    filter.assigneeId === 'none' ? isNull(tickets.assigneeUserId) : filter.assigneeId ? eq(tickets.assigneeUserId, filter.assigneeId) : undefined,
    filter.overdue ? and(inArray(tickets.status, ACTIVE), lt(tickets.slaDueAt, now)) : undefined,
    filter.mineUserId ? or(eq(tickets.assigneeUserId, filter.mineUserId), eq(tickets.createdByUserId, filter.mineUserId)) : undefined,
  );
  const query = db
    .select({ ...columns, total: windowTotal() })
    .from(tickets)
    .leftJoin(sites, eq(sites.id, tickets.siteId))
    .leftJoin(miners, eq(miners.id, tickets.minerId))
    .leftJoin(customers, eq(customers.id, tickets.customerId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeUserId))
    .where(where)
    .orderBy(sql`case when ${tickets.status} in ('open', 'in_progress') then 0 else 1 end`, sql`case when ${tickets.status} in ('open', 'in_progress') then ${tickets.slaDueAt} end asc`, desc(tickets.createdAt), desc(tickets.id));
  return pageOf(req, query);
}
export type TicketRow = Awaited<ReturnType<typeof listTickets>>['rows'][number];

/** One ticket in scope (null when missing or outside it, which the page answers with a 404). */
export async function getTicket(db: Db, scope: Scope, id: string) {
  const [row] = await db
    .select({ ...columns, body: tickets.body, resolvedAt: tickets.resolvedAt, closedAt: tickets.closedAt, createdByUserId: tickets.createdByUserId, createdByName: creator.name })
    .from(tickets)
    .leftJoin(sites, eq(sites.id, tickets.siteId))
    .leftJoin(miners, eq(miners.id, tickets.minerId))
    .leftJoin(customers, eq(customers.id, tickets.customerId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeUserId))
    .leftJoin(creator, eq(creator.id, tickets.createdByUserId))
    .where(and(eq(tickets.id, id), ticketScope(scope)));
  return row ?? null;
}

/** The thread, oldest first; staff notes are left out for a customer. Capped: a thread past 500 is an outlier. */
export async function listTicketComments(db: Db, scope: Scope, ticketId: string) {
  return db
    .select({ id: ticketComments.id, body: ticketComments.body, internal: ticketComments.internal, createdAt: ticketComments.createdAt, authorName: users.name, authorUserId: ticketComments.authorUserId })
    .from(ticketComments)
    .innerJoin(tickets, eq(tickets.id, ticketComments.ticketId))
    .leftJoin(users, eq(users.id, ticketComments.authorUserId))
    .where(and(eq(ticketComments.ticketId, ticketId), ticketScope(scope), isCustomerView(scope) ? eq(ticketComments.internal, false) : undefined))
    .orderBy(asc(ticketComments.createdAt), asc(ticketComments.id))
    .limit(500);
}

/** The machines a ticket opened for many (a bulk action) is about, those the viewer may see, by name; at most `limit`. */
export async function listTicketMiners(db: Db, scope: Scope, ticketId: string, limit = 200) {
  const rows = await db
    .select({ id: miners.id, name: miners.name, total: windowTotal() })
    .from(ticketMiners)
    .innerJoin(tickets, eq(tickets.id, ticketMiners.ticketId))
    .innerJoin(miners, eq(miners.id, ticketMiners.minerId))
    .where(and(eq(ticketMiners.ticketId, ticketId), ticketScope(scope), minerScope(scope)))
    .orderBy(asc(miners.name))
    .limit(limit);
  return { rows: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}

/** A miner's tickets for its dashboard: the active ones first, at most `limit`. */
export async function listMinerTickets(db: Db, scope: Scope, minerId: string, limit = 10) {
  const rows = await db
    .select({ id: tickets.id, number: tickets.number, title: tickets.title, priority: tickets.priority, status: tickets.status, slaDueAt: tickets.slaDueAt, createdAt: tickets.createdAt, total: windowTotal() })
    .from(tickets)
    .where(and(ticketScope(scope), or(eq(tickets.minerId, minerId), sql`exists (select 1 from ${ticketMiners} tm where tm.ticket_id = ${tickets.id} and tm.miner_id = ${minerId})`)))
    .orderBy(sql`case when ${tickets.status} in ('open', 'in_progress') then 0 else 1 end`, desc(tickets.createdAt))
    .limit(limit);
  return { rows: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}

/** The viewer's unread ticket notices (for the list's badge and row markers). */
export async function unreadTicketNotices(db: Db, orgId: string, userId: string) {
  const rows = await db
    .selectDistinct({ ticketId: ticketNotifications.ticketId })
    .from(ticketNotifications)
    .where(and(eq(ticketNotifications.orgId, orgId), eq(ticketNotifications.userId, userId), isNull(ticketNotifications.readAt)))
    .limit(1000);
  return new Set(rows.map((r) => r.ticketId));
}

/** Opening a ticket reads its notices: only the viewer's own rows change. */
export async function markTicketNoticesRead(db: Db, userId: string, ticketId: string, now: Date) {
  await db
    .update(ticketNotifications)
    .set({ readAt: now })
    .where(and(eq(ticketNotifications.userId, userId), eq(ticketNotifications.ticketId, ticketId), isNull(ticketNotifications.readAt)));
}
