import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Principal } from '@/lib/core/principal';
import { normalizeRole } from '@/lib/core/roles';
import { brands, customers, memberships, users } from '../../schema';
import { recordAudit } from '../admin/audit';
import { linkEmail } from './hosting-link';
import { managedLead } from './managed';
import { fieldError, type Tx } from './tx';

export type PortalAccount = { userId: string; email: string; name: string; locale: string; customerId: string; customerName: string; brandSubdomain: string | null; brandName: string | null; created: boolean };

/**
 * Approving a converted lead: its customer gets a CLIENT account in the organization, linked by the
 * customer's e-mail as every CLIENT is (db/queries/crm/hosting-link.ts). The password is not set
 * here: `placeholderHash` is the hash of a secret nobody holds, and the caller e-mails a one-time
 * link to choose one. Approving again (a lost e-mail) re-uses the same account, still without a
 * password of its own; an e-mail that already signs in elsewhere is a field error, nothing written.
 */
export async function approvePortalAccount(tx: Tx, who: Principal, leadId: string, placeholderHash: string, locale: string, now: Date): Promise<PortalAccount> {
  const lead = await managedLead(tx, who, leadId);
  if (lead.status !== 'converted' || !lead.convertedCustomerId) throw new AppError('CONFLICT', 'Only a converted lead is approved into a portal user');
  const [customer] = await tx
    .select({ id: customers.id, name: customers.name, email: customers.email, subdomain: brands.subdomain, brandName: brands.displayName })
    .from(customers)
    .leftJoin(brands, eq(brands.id, customers.brandId))
    .where(and(eq(customers.orgId, who.orgId), eq(customers.id, lead.convertedCustomerId)))
    .for('update', { of: customers });
  if (!customer) throw new AppError('NOT_FOUND');
  if (!customer.email?.trim()) throw fieldError('email', 'required');
  const email = customer.email.trim().toLowerCase();
  const [existing] = await tx
    .select({ id: users.id, name: users.name, locale: users.locale, role: memberships.role, orgId: memberships.orgId, lastLoginAt: users.lastLoginAt })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .where(sql`${linkEmail(users.email)} = ${email}`)
    .limit(1);
  const base = { email, customerId: customer.id, customerName: customer.name, brandSubdomain: customer.subdomain, brandName: customer.brandName };
  if (existing) {
    // Only a CLIENT of this organization that has never signed in is sent a new link; anyone else owns that e-mail already.
    if (existing.orgId !== who.orgId || normalizeRole(existing.role) !== 'CLIENT' || existing.lastLoginAt) throw fieldError('email', 'emailTaken');
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'lead.portal_access.resend', entityType: 'user', entityId: existing.id, before: null, after: { leadId, customerId: customer.id } });
    return { ...base, userId: existing.id, name: existing.name, locale: existing.locale, created: false };
  }
  const [user] = await tx.insert(users).values({ email, name: lead.name || customer.name, passwordHash: placeholderHash, locale, createdAt: now }).returning({ id: users.id });
  await tx.insert(memberships).values({ userId: user!.id, orgId: who.orgId, role: 'CLIENT', createdAt: now });
  await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'lead.portal_access.grant', entityType: 'user', entityId: user!.id, before: null, after: { leadId, customerId: customer.id, email, role: 'CLIENT' } });
  return { ...base, userId: user!.id, name: lead.name || customer.name, locale, created: true };
}

/** Sets the password chosen through an activation link (the link is spent by the caller in the same transaction). */
export async function setActivatedPassword(tx: Tx, userId: string, passwordHash: string, orgId: string) {
  await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
  await recordAudit(tx, { orgId, actorUserId: userId, action: 'user.activate', entityType: 'user', entityId: userId, before: null, after: { via: 'lead_activation' } });
}
