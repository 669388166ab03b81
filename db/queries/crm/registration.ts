import { and, eq, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { customerAccounts, customers, leads, organizations } from '../../schema';
import { recordAudit } from '../admin/audit';
import { referrerOf } from './leads';

/**
 * Which organization a public sign-up is for: the brand's on a brand host; elsewhere the one whose
 * customer owns the referral code, or the installation's only organization. Null when none is clear
 * (several organizations and no code): the form is then refused rather than filed with a guess.
 */
export async function registrationOrgId(db: Db, o: { brandOrgId: string | null; referralCode: string | null }): Promise<string | null> {
  if (o.brandOrgId) return o.brandOrgId;
  if (o.referralCode) {
    const rows = await db.selectDistinct({ orgId: customerAccounts.orgId }).from(customerAccounts).where(eq(customerAccounts.referralCode, o.referralCode)).limit(2);
    if (rows.length === 1) return rows[0]!.orgId;
  }
  const orgs = await db.select({ id: organizations.id }).from(organizations).limit(2);
  return orgs.length === 1 ? orgs[0]!.id : null;
}

export type Registration = { name: string; company: string | null; email: string; phone: string | null; message: string; referralCode: string | null };

/**
 * A prospective client's sign-up becomes a lead (never a user): attributed to the referring customer
 * and handed to that customer's account manager. Someone who is a customer already, or has an open
 * lead, gets no second record; the caller answers the same either way, so the form does not tell
 * strangers who is a client. Returns the lead to confirm, or null when nothing was written.
 */
export async function registerLead(db: Db, orgId: string, input: Registration, confirmTokenHash: string, now: Date): Promise<{ id: string } | null> {
  return db.transaction(async (tx) => {
    const referredByCustomerId = await referrerOf(tx, orgId, input.referralCode);
    const [known] = await tx
      .select({ id: sql<string>`1` })
      .from(customers)
      .where(and(eq(customers.orgId, orgId), eq(customers.email, input.email)))
      .union(tx.select({ id: sql<string>`1` }).from(leads).where(and(eq(leads.orgId, orgId), eq(leads.email, input.email), notInArray(leads.status, ['converted', 'lost']))))
      .limit(1);
    if (known) return null;
    const [manager] = referredByCustomerId ? await tx.select({ id: customerAccounts.ownerUserId }).from(customerAccounts).where(eq(customerAccounts.customerId, referredByCustomerId)) : [];
    const [lead] = await tx
      .insert(leads)
      .values({
        orgId,
        name: input.name,
        company: input.company,
        email: input.email,
        phone: input.phone,
        notes: input.message,
        source: referredByCustomerId ? 'referral' : 'web_form',
        referralCode: input.referralCode,
        referredByCustomerId,
        ownerUserId: manager?.id ?? null,
        confirmTokenHash,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: leads.id });
    await recordAudit(tx, { orgId, actorUserId: null, action: 'lead.register', entityType: 'lead', entityId: lead!.id, before: null, after: { email: input.email, referredByCustomerId } });
    return lead!;
  });
}

/** The confirmation link: true the first time its token is used, false for an unknown or used one. */
export async function confirmLeadEmail(db: Db, confirmTokenHash: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(leads)
    .set({ emailConfirmedAt: now, confirmTokenHash: null, updatedAt: now })
    .where(and(eq(leads.confirmTokenHash, confirmTokenHash), isNull(leads.emailConfirmedAt)))
    .returning({ id: leads.id });
  return rows.length === 1;
}
