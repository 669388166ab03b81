import { and, asc, eq } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import type { DepositAsset } from '@/lib/domain/billing/deposit-address';
import type { Db } from '../../client';
import { customerDepositAddresses } from '../../schema';
import { recordAudit } from '../admin/audit';
import { assertManages, customerInScope } from './scope';

export type DepositAddress = { asset: DepositAsset; network: string; address: string; updatedAt: Date };

/** The customer's deposit addresses (BTC first), for staff, the invoice and the client's own portal. */
export async function listDepositAddresses(db: Db, scope: Scope, customerId: string): Promise<DepositAddress[]> {
  const customer = await customerInScope(db, scope, customerId);
  const rows = await db
    .select({ asset: customerDepositAddresses.asset, network: customerDepositAddresses.network, address: customerDepositAddresses.address, updatedAt: customerDepositAddresses.updatedAt })
    .from(customerDepositAddresses)
    .where(and(eq(customerDepositAddresses.orgId, scope.orgId), eq(customerDepositAddresses.customerId, customer.id)))
    .orderBy(asc(customerDepositAddresses.asset));
  return rows as DepositAddress[];
}

/** Sets (or replaces) the customer's address for an asset; the address was checked by the caller's schema. Audited with before and after. */
export async function setDepositAddress(db: Db, scope: Scope, input: { customerId: string; asset: DepositAsset; network: string; address: string }, actorId: string | null, now: Date) {
  assertManages(scope);
  return db.transaction(async (tx) => {
    const customer = await customerInScope(tx, scope, input.customerId);
    const [before] = await tx
      .select()
      .from(customerDepositAddresses)
      .where(and(eq(customerDepositAddresses.customerId, customer.id), eq(customerDepositAddresses.asset, input.asset)))
      .for('update');
    await tx
      .insert(customerDepositAddresses)
      .values({ orgId: customer.orgId, customerId: customer.id, asset: input.asset, network: input.network, address: input.address, updatedBy: actorId, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: [customerDepositAddresses.customerId, customerDepositAddresses.asset], set: { network: input.network, address: input.address, updatedBy: actorId, updatedAt: now } });
    await recordAudit(tx, { orgId: customer.orgId, actorUserId: actorId, action: 'billing.deposit_address.set', entityType: 'customer', entityId: customer.id, before: before ? { asset: before.asset, network: before.network, address: before.address } : null, after: { asset: input.asset, network: input.network, address: input.address } });
    return { asset: input.asset, network: input.network, address: input.address };
  });
}

export async function removeDepositAddress(db: Db, scope: Scope, input: { customerId: string; asset: DepositAsset }, actorId: string | null) {
  assertManages(scope);
  return db.transaction(async (tx) => {
    const customer = await customerInScope(tx, scope, input.customerId);
    const [gone] = await tx.delete(customerDepositAddresses).where(and(eq(customerDepositAddresses.customerId, customer.id), eq(customerDepositAddresses.asset, input.asset))).returning();
    if (gone) await recordAudit(tx, { orgId: customer.orgId, actorUserId: actorId, action: 'billing.deposit_address.remove', entityType: 'customer', entityId: customer.id, before: { asset: gone.asset, network: gone.network, address: gone.address }, after: null });
    return { removed: Boolean(gone) };
  });
}
