import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { brands } from './brands';
import { customers, customerTier } from './hosting';
import { organizations, sites, users } from './tenancy';

export const leadSource = pgEnum('lead_source', ['web_form', 'referral', 'import', 'manual']);
export const leadStatus = pgEnum('lead_status', ['new', 'contacted', 'qualified', 'converted', 'lost']);
export const dealStage = pgEnum('deal_stage', ['prospect', 'qualified', 'proposal', 'negotiation', 'won', 'lost']);
export const crmActivityKind = pgEnum('crm_activity_kind', ['call', 'meeting', 'email', 'task']);

/**
 * The CRM side of a customer, one row per customer: its account manager (who sees it when not an
 * owner or admin), tags and referral code. Apart from `customers` so the hosting record and its
 * sync fields do not grow with every CRM concern; a customer without a row has no manager yet.
 */
export const customerAccounts = pgTable(
  'customer_accounts',
  {
    customerId: uuid()
      .primaryKey()
      .references(() => customers.id, { onDelete: 'cascade' }),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    ownerUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    /** Upper-case, unique in the organization; a sign-up through it attributes the lead. */
    referralCode: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('customer_accounts_owner_idx').on(t.orgId, t.ownerUserId), uniqueIndex('customer_accounts_referral_uq').on(t.orgId, t.referralCode).where(sql`${t.referralCode} is not null`)],
);

export const customerContacts = pgTable(
  'customer_contacts',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    title: text(),
    email: text(),
    phone: text(),
    isPrimary: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('customer_contacts_customer_idx').on(t.customerId), uniqueIndex('customer_contacts_primary_uq').on(t.customerId).where(sql`${t.isPrimary}`)],
);

export const customerNotes = pgTable(
  'customer_notes',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    authorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('customer_notes_customer_idx').on(t.customerId, t.createdAt)],
);

/**
 * A prospective client. It becomes a customer once (convertedCustomerId, in the same transaction
 * that creates the customer); a self-registered lead is never a user until staff approve it.
 */
export const leads = pgTable(
  'leads',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    company: text(),
    /** Lower-cased, as on customers. */
    email: text(),
    phone: text(),
    source: leadSource().notNull(),
    status: leadStatus().notNull().default('new'),
    referralCode: text(),
    referredByCustomerId: uuid().references(() => customers.id, { onDelete: 'set null' }),
    ownerUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    notes: text().notNull().default(''),
    lostReason: text(),
    convertedCustomerId: uuid().references(() => customers.id, { onDelete: 'set null' }),
    convertedAt: timestamp({ withTimezone: true }),
    /** A self-registered lead confirms its e-mail through a link; staff-entered leads leave both null. */
    emailConfirmedAt: timestamp({ withTimezone: true }),
    /** SHA-256 (hex) of the token in the confirmation link, never the token; cleared once used. */
    confirmTokenHash: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('leads_confirm_token_uq').on(t.confirmTokenHash).where(sql`${t.confirmTokenHash} is not null`),
    index('leads_org_status_idx').on(t.orgId, t.status, t.createdAt),
    index('leads_owner_idx').on(t.orgId, t.ownerUserId),
    index('leads_org_email_idx').on(t.orgId, t.email),
    check('leads_converted_ck', sql`(${t.status} = 'converted') = (${t.convertedCustomerId} is not null or ${t.convertedAt} is not null)`),
  ],
);

/**
 * An opportunity on a customer or a lead. `version` grows with every change, so a board move made
 * from a stale page (someone else moved the card) is refused rather than silently undone. A broker's
 * commission is a rate (basis points of the value) or a fixed amount, never both.
 */
export const deals = pgTable(
  'deals',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    customerId: uuid().references(() => customers.id, { onDelete: 'cascade' }),
    leadId: uuid().references(() => leads.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    stage: dealStage().notNull().default('prospect'),
    valueCents: bigint({ mode: 'number' }).notNull().default(0),
    expectedCloseOn: date(),
    closeReason: text(),
    closedAt: timestamp({ withTimezone: true }),
    ownerUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    brokerName: text(),
    commissionBps: integer(),
    commissionFixedCents: bigint({ mode: 'number' }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('deals_target_ck', sql`${t.customerId} is not null or ${t.leadId} is not null`),
    check('deals_value_ck', sql`${t.valueCents} >= 0`),
    check('deals_commission_ck', sql`(${t.commissionBps} is null or (${t.commissionBps} between 0 and 10000 and ${t.commissionFixedCents} is null)) and (${t.commissionFixedCents} is null or ${t.commissionFixedCents} >= 0)`),
    index('deals_org_stage_idx').on(t.orgId, t.stage, t.updatedAt),
    index('deals_customer_idx').on(t.customerId),
    index('deals_lead_idx').on(t.leadId),
    index('deals_owner_idx').on(t.orgId, t.ownerUserId),
  ],
);

/** Calls, meetings, e-mails and tasks on a customer, lead or deal; a task has a due time and is done once `completedAt` is set. */
export const crmActivities = pgTable(
  'crm_activities',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    customerId: uuid().references(() => customers.id, { onDelete: 'cascade' }),
    leadId: uuid().references(() => leads.id, { onDelete: 'cascade' }),
    dealId: uuid().references(() => deals.id, { onDelete: 'set null' }),
    kind: crmActivityKind().notNull(),
    subject: text().notNull(),
    body: text().notNull().default(''),
    dueAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    ownerUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('crm_activities_target_ck', sql`${t.customerId} is not null or ${t.leadId} is not null`),
    check('crm_activities_due_ck', sql`${t.kind} = 'task' or ${t.dueAt} is null`),
    index('crm_activities_customer_idx').on(t.customerId, t.createdAt),
    index('crm_activities_lead_idx').on(t.leadId),
    index('crm_activities_open_tasks_idx').on(t.orgId, t.dueAt).where(sql`${t.kind} = 'task' and ${t.completedAt} is null`),
  ],
);

/**
 * A notice from staff to the client portal, for every client or only those of a site, tier or
 * brand; shown from `publishAt` until `expiresAt`. Each reader's read state is a row.
 */
export const announcements = pgTable(
  'announcements',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    body: text().notNull(),
    siteId: uuid().references(() => sites.id, { onDelete: 'cascade' }),
    tier: customerTier(),
    brandId: uuid().references(() => brands.id, { onDelete: 'cascade' }),
    publishAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }),
    createdByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('announcements_org_publish_idx').on(t.orgId, t.publishAt)],
);

export const announcementReads = pgTable(
  'announcement_reads',
  {
    announcementId: uuid()
      .notNull()
      .references(() => announcements.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.announcementId, t.userId] }), index('announcement_reads_user_idx').on(t.userId)],
);
