import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Principal } from '@/lib/core/principal';
import { referralCodeFrom } from '@/lib/domain/crm/referral-code';
import type { CustomerInput } from '@/lib/validation/crm';
import type { Db } from '../../client';
import { customerAccounts, customers } from '../../schema';
import { recordAudit } from '../admin/audit';
import { crmCustomerWhere, isCrmAdmin } from './scope';
import { assertStaff, fieldError, type Tx, uniqueEmail } from './tx';

async function assertEmailFree(tx: Tx, orgId: string, email: string | null, exceptId?: string) {
  if (!email) return;
  const [taken] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), eq(customers.email, email), exceptId ? sql`${customers.id} <> ${exceptId}` : undefined))
    .limit(1);
  if (taken) throw fieldError('email', 'emailTaken');
}

/**
 * Who manages a new or edited customer: an owner or admin picks anyone on the staff; anyone else keeps
 * it (a manager who handed a customer away would lose sight of it mid-edit, so only admins reassign).
 */
function managerFor(who: Principal, asked: string | null, current: string | null | undefined): string | null {
  if (isCrmAdmin(who)) return asked;
  if (current === undefined) return who.userId;
  if (asked !== current) throw new AppError('FORBIDDEN', 'Only owners and administrators reassign a customer');
  return current;
}

/** The customer row and its CRM account, inside the caller's transaction (lead conversion shares it). */
export async function insertCustomer(tx: Tx, who: Principal, input: CustomerInput, now: Date) {
  await assertEmailFree(tx, who.orgId, input.email);
  const ownerUserId = managerFor(who, input.ownerUserId, undefined);
  await assertStaff(tx, who.orgId, ownerUserId, 'ownerUserId');
  const [customer] = await uniqueEmail(() =>
    tx.insert(customers).values({ orgId: who.orgId, name: input.name, company: input.company, email: input.email, phone: input.phone, tier: input.tier, createdAt: now, updatedAt: now }).returning(),
  );
  // Every customer can refer others from its first day; 31^8 codes make a clash within one organization unlikely enough to surface as an error.
  await tx.insert(customerAccounts).values({ customerId: customer!.id, orgId: who.orgId, ownerUserId, tags: input.tags, referralCode: referralCodeFrom(randomBytes(8)), updatedAt: now });
  await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'customer.create', entityType: 'customer', entityId: customer!.id, before: null, after: { ...input, ownerUserId } });
  return customer!;
}

export async function createCustomer(db: Db, who: Principal, input: CustomerInput, now: Date) {
  return db.transaction((tx) => insertCustomer(tx, who, input, now));
}

/** Edits the record and its account in one transaction; a customer the principal does not manage is NOT_FOUND. */
export async function updateCustomer(db: Db, who: Principal, id: string, input: CustomerInput, now: Date) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ c: customers, ownerUserId: customerAccounts.ownerUserId, tags: customerAccounts.tags })
      .from(customers)
      .leftJoin(customerAccounts, eq(customerAccounts.customerId, customers.id))
      .where(and(crmCustomerWhere(who), eq(customers.id, id)))
      .for('update', { of: customers });
    if (!before) throw new AppError('NOT_FOUND');
    await assertEmailFree(tx, who.orgId, input.email, id);
    const ownerUserId = managerFor(who, input.ownerUserId, before.ownerUserId ?? null);
    await assertStaff(tx, who.orgId, ownerUserId, 'ownerUserId');
    await uniqueEmail(() => tx.update(customers).set({ name: input.name, company: input.company, email: input.email, phone: input.phone, tier: input.tier, updatedAt: now }).where(eq(customers.id, id)));
    await tx
      .insert(customerAccounts)
      .values({ customerId: id, orgId: who.orgId, ownerUserId, tags: input.tags, referralCode: referralCodeFrom(randomBytes(8)), updatedAt: now })
      .onConflictDoUpdate({ target: customerAccounts.customerId, set: { ownerUserId, tags: input.tags, updatedAt: now } });
    const { c } = before;
    await recordAudit(tx, {
      orgId: who.orgId,
      actorUserId: who.userId,
      action: 'customer.update',
      entityType: 'customer',
      entityId: id,
      before: { name: c.name, company: c.company, email: c.email, phone: c.phone, tier: c.tier, ownerUserId: before.ownerUserId, tags: before.tags },
      after: { ...input, ownerUserId },
    });
    return { id };
  });
}
