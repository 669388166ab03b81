import { and, eq, isNotNull, ne } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import type { Db } from '../../client';
import { balanceEntries, billingSettings, leads } from '../../schema';
import { recordAudit } from '../admin/audit';
import { assertManages } from './scope';

/** The organization's referral bonus in cents; 0 (no bonus) until an admin sets one. */
export async function referralBonusCents(db: Db, orgId: string): Promise<number> {
  const [row] = await db.select({ cents: billingSettings.referralBonusCents }).from(billingSettings).where(eq(billingSettings.orgId, orgId));
  return row?.cents ?? 0;
}

export async function setReferralBonus(db: Db, scope: Scope, cents: number, actorId: string | null, now: Date) {
  assertManages(scope);
  if (!Number.isSafeInteger(cents) || cents < 0) throw new AppError('VALIDATION', 'Not an amount', { referralBonus: 'notNegative' });
  return db.transaction(async (tx) => {
    const before = await referralBonusCents(tx as unknown as Db, scope.orgId);
    await tx
      .insert(billingSettings)
      .values({ orgId: scope.orgId, referralBonusCents: cents, updatedBy: actorId, updatedAt: now })
      .onConflictDoUpdate({ target: billingSettings.orgId, set: { referralBonusCents: cents, updatedBy: actorId, updatedAt: now } });
    await recordAudit(tx, { orgId: scope.orgId, actorUserId: actorId, action: 'billing.referral_bonus.set', entityType: 'organization', entityId: scope.orgId, before: { referralBonusCents: before }, after: { referralBonusCents: cents } });
    return { referralBonusCents: cents };
  });
}

/**
 * Called in the transaction that makes an invoice fully paid: when the customer came through a
 * referral (its converted lead names the referrer) and the organization pays a bonus, the referrer's
 * balance gets a `referral_credit` of the bonus. At most once per referred customer, however many
 * invoices it pays or in how many parts — `balance_entries_referral_uq` on the referred customer
 * makes a second grant (a later invoice, a concurrent payment) insert nothing.
 */
export async function grantReferralCredit(tx: Db, invoice: { id: string; orgId: string; customerId: string; number: string | null }, now: Date) {
  const [lead] = await tx
    .select({ referrerId: leads.referredByCustomerId })
    .from(leads)
    .where(and(eq(leads.orgId, invoice.orgId), eq(leads.convertedCustomerId, invoice.customerId), isNotNull(leads.referredByCustomerId), ne(leads.referredByCustomerId, invoice.customerId)))
    .orderBy(leads.convertedAt)
    .limit(1);
  if (!lead?.referrerId) return null;
  const cents = await referralBonusCents(tx, invoice.orgId);
  if (cents <= 0) return null;
  const [entry] = await tx
    .insert(balanceEntries)
    .values({ orgId: invoice.orgId, customerId: lead.referrerId, kind: 'referral_credit', amountCents: cents, invoiceId: invoice.id, evidence: { referredCustomerId: invoice.customerId, invoiceId: invoice.id, invoiceNumber: invoice.number }, note: invoice.number, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: balanceEntries.id });
  if (!entry) return null;
  await recordAudit(tx, { orgId: invoice.orgId, actorUserId: null, action: 'billing.referral_credit', entityType: 'balance_entry', entityId: String(entry.id), before: null, after: { referrerCustomerId: lead.referrerId, referredCustomerId: invoice.customerId, invoiceId: invoice.id, amountCents: cents } });
  return { entryId: entry.id, referrerCustomerId: lead.referrerId, amountCents: cents };
}
