import { and, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Principal } from '@/lib/core/principal';
import { canConvert, type LeadStatus } from '@/lib/domain/crm/lead';
import type { ConvertLeadInput, LeadInput } from '@/lib/validation/crm';
import type { Db } from '../../client';
import { crmActivities, customerAccounts, customers, deals, leads, memberships, users } from '../../schema';
import { recordAudit } from '../admin/audit';
import { type PageRequest, pageOf, windowTotal } from '../pagination';
import { containsPattern } from '../like';
import { insertCustomer } from './customer-writes';
import { linkEmail } from './hosting-link';
import { isCrmAdmin, leadWhere } from './scope';
import { assertStaff, fieldError, type Tx } from './tx';

/** Leads in scope, open ones first (newest on top), with who referred them; one statement with its total. */
export async function listLeads(db: Db, who: Principal, filter: { q?: string; status?: LeadStatus }, req: PageRequest) {
  const like = filter.q ? containsPattern(filter.q) : undefined;
  const query = db
    .select({
      id: leads.id,
      name: leads.name,
      company: leads.company,
      email: leads.email,
      phone: leads.phone,
      source: leads.source,
      status: leads.status,
      referralCode: leads.referralCode,
      referredByName: sql<string | null>`(select ${customers.name} from ${customers} where ${customers.id} = ${leads.referredByCustomerId})`,
      ownerName: users.name,
      convertedCustomerId: leads.convertedCustomerId,
      // Whether the converted customer already has a portal account (the CLIENT link rule: its e-mail).
      hasPortal: sql<boolean>`exists (select 1 from ${customers} c join ${users} u on ${linkEmail(sql`u.email`)} = ${linkEmail(sql`c.email`)} join ${memberships} m on m.user_id = u.id and m.org_id = c.org_id where c.id = ${leads.convertedCustomerId})`,
      createdAt: leads.createdAt,
      total: windowTotal(),
    })
    .from(leads)
    .leftJoin(users, eq(users.id, leads.ownerUserId))
    .where(and(leadWhere(who), filter.status ? eq(leads.status, filter.status) : undefined, like ? or(ilike(leads.name, like), ilike(leads.email, like), ilike(leads.company, like)) : undefined))
    .orderBy(sql`case when ${leads.status} in ('converted', 'lost') then 1 else 0 end`, desc(leads.createdAt), desc(leads.id));
  return pageOf(req, query);
}

/** The customer whose referral code this is, in the organization; a code that matches none is a field error. */
export async function referrerOf(tx: Tx | Db, orgId: string, code: string | null): Promise<string | null> {
  if (!code) return null;
  const [row] = await tx
    .select({ customerId: customerAccounts.customerId })
    .from(customerAccounts)
    .where(and(eq(customerAccounts.orgId, orgId), eq(customerAccounts.referralCode, code)));
  if (!row) throw fieldError('referralCode');
  return row.customerId;
}

export async function createLead(db: Db, who: Principal, input: LeadInput, now: Date) {
  return db.transaction(async (tx) => {
    const ownerUserId = isCrmAdmin(who) ? input.ownerUserId : who.userId;
    await assertStaff(tx, who.orgId, ownerUserId, 'ownerUserId');
    const referredByCustomerId = await referrerOf(tx, who.orgId, input.referralCode);
    const [lead] = await tx
      .insert(leads)
      .values({ orgId: who.orgId, name: input.name, company: input.company, email: input.email, phone: input.phone, source: input.source, referralCode: input.referralCode, referredByCustomerId, ownerUserId, notes: input.notes, createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'lead.create', entityType: 'lead', entityId: lead!.id, before: null, after: { name: input.name, email: input.email, source: input.source, referredByCustomerId, ownerUserId } });
    return lead!;
  });
}

async function lockLead(tx: Tx, who: Principal, id: string) {
  const [lead] = await tx.select().from(leads).where(and(leadWhere(who), eq(leads.id, id))).for('update');
  if (!lead) throw new AppError('NOT_FOUND');
  return lead;
}

/** Works an open lead (contacted, qualified, back to new) or closes it as lost with a reason. A converted lead stays converted. */
export async function setLeadStatus(db: Db, who: Principal, id: string, status: Exclude<LeadStatus, 'converted'>, reason: string | null, now: Date) {
  return db.transaction(async (tx) => {
    const lead = await lockLead(tx, who, id);
    if (lead.status === 'converted') throw new AppError('CONFLICT', 'A converted lead cannot change status');
    if (status === 'lost' && !reason) throw fieldError('reason', 'required');
    await tx.update(leads).set({ status, lostReason: status === 'lost' ? reason : null, updatedAt: now }).where(eq(leads.id, id));
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'lead.status', entityType: 'lead', entityId: id, before: { status: lead.status }, after: { status, reason } });
    return { id, status };
  });
}

/**
 * A lead becomes a customer in one transaction: the customer and its account (managed by the lead's
 * owner), the lead's deals and activities moved onto it, an optional first deal, and the lead marked
 * converted. A lead converted meanwhile is a CONFLICT; a customer already using the lead's e-mail is
 * a field error; either way nothing is written.
 */
export async function convertLead(db: Db, who: Principal, input: ConvertLeadInput, now: Date) {
  return db.transaction(async (tx) => {
    const lead = await lockLead(tx, who, input.id);
    if (!canConvert(lead.status)) throw new AppError('CONFLICT', `A ${lead.status} lead cannot be converted`);
    const customer = await insertCustomer(tx, who, { name: lead.company ?? lead.name, company: lead.company, email: lead.email, phone: lead.phone, tier: input.tier, ownerUserId: lead.ownerUserId, tags: [] }, now);
    await tx.update(deals).set({ customerId: customer.id, updatedAt: now, version: sql`${deals.version} + 1` }).where(eq(deals.leadId, lead.id));
    await tx.update(crmActivities).set({ customerId: customer.id }).where(eq(crmActivities.leadId, lead.id));
    if (input.dealTitle) {
      await tx.insert(deals).values({ orgId: who.orgId, customerId: customer.id, leadId: lead.id, title: input.dealTitle, valueCents: input.dealValue ?? 0, ownerUserId: lead.ownerUserId, createdAt: now, updatedAt: now });
    }
    await tx.update(leads).set({ status: 'converted', convertedCustomerId: customer.id, convertedAt: now, updatedAt: now }).where(eq(leads.id, lead.id));
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'lead.convert', entityType: 'lead', entityId: lead.id, before: { status: lead.status }, after: { status: 'converted', customerId: customer.id } });
    return { customerId: customer.id };
  });
}
