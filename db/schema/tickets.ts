import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, pgEnum, pgTable, primaryKey, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers, miners } from './hosting';
import { organizations, sites, users } from './tenancy';

export const ticketPriority = pgEnum('ticket_priority', ['low', 'normal', 'high', 'urgent']);
export const ticketStatus = pgEnum('ticket_status', ['open', 'in_progress', 'resolved', 'closed']);

/**
 * A support ticket on a miner, a site or a customer. A miner ticket also stores the miner's site and
 * customer at creation, so site-bound staff and the customer find it with the same index-backed scope
 * as a site or customer ticket.
 */
export const tickets = pgTable(
  'tickets',
  {
    id: uuid().primaryKey().defaultRandom(),
    // Short number people quote on the phone ("ticket 1042").
    number: serial().notNull().unique(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    siteId: uuid().references(() => sites.id, { onDelete: 'cascade' }),
    minerId: uuid().references(() => miners.id, { onDelete: 'set null' }),
    customerId: uuid().references(() => customers.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    body: text().notNull().default(''),
    priority: ticketPriority().notNull().default('normal'),
    status: ticketStatus().notNull().default('open'),
    assigneeUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    slaDueAt: timestamp({ withTimezone: true }).notNull(),
    resolvedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('tickets_target_ck', sql`${t.siteId} is not null or ${t.customerId} is not null`),
    index('tickets_org_status_due_idx').on(t.orgId, t.status, t.slaDueAt),
    index('tickets_org_site_idx').on(t.orgId, t.siteId),
    index('tickets_org_customer_idx').on(t.orgId, t.customerId),
    index('tickets_miner_idx').on(t.minerId),
    index('tickets_assignee_idx').on(t.assigneeUserId, t.status),
  ],
);

/** The machines a ticket opened for many at once (a bulk action on the miner list) is about. */
export const ticketMiners = pgTable(
  'ticket_miners',
  {
    ticketId: uuid().notNull().references(() => tickets.id, { onDelete: 'cascade' }),
    minerId: uuid().notNull().references(() => miners.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.minerId] }), index('ticket_miners_miner_idx').on(t.minerId)],
);

/** `internal` comments are staff notes a CLIENT never receives. */
export const ticketComments = pgTable(
  'ticket_comments',
  {
    id: uuid().primaryKey().defaultRandom(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    authorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    body: text().notNull(),
    internal: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_comments_ticket_idx').on(t.ticketId, t.createdAt)],
);

/** In-app notices for a user about a ticket (assigned to them, a new comment); `readAt` null = unread. */
export const ticketNotifications = pgTable(
  'ticket_notifications',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_notifications_user_unread_idx').on(t.userId, t.readAt), index('ticket_notifications_ticket_idx').on(t.ticketId)],
);
