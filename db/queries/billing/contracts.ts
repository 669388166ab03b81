import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import type { Pricing } from '@/lib/domain/billing/contract';
import type { Db } from '../../client';
import { customers, hostingContracts, miners, sites } from '../../schema';
import { recordAudit } from '../admin/audit';
import { customerScope } from '../scope';
import { assertManages, billingScope, customerInScope } from './scope';

export type ContractInput = {
  customerId: string;
  pricing: Pricing;
  rate: number;
  reservedKw: number;
  energyPassThrough: boolean;
  revenueShareBps: number;
  depositCents: number;
  startDate: string;
  termMonths: number;
  autoRenew: boolean;
  slaUptimeBps: number;
  slaCreditBpsPerPoint: number;
  slaCreditCapBps: number;
  taxBps: number;
  paymentTermsDays: number;
  siteIds: string[];
  minerIds: string[];
  notes?: string | null;
};

export type ContractRow = typeof hostingContracts.$inferSelect;

/**
 * A new contract. The sites must be the organization's and the miners the customer's at those sites:
 * a wrong one is a field error, and nothing is written.
 */
export async function createContract(db: Db, scope: Scope, input: ContractInput, actorId: string | null): Promise<ContractRow> {
  assertManages(scope);
  return db.transaction(async (tx) => {
    const customer = await customerInScope(tx, scope, input.customerId);
    const siteIds = [...new Set(input.siteIds)];
    const found = await tx.select({ id: sites.id }).from(sites).where(and(eq(sites.orgId, scope.orgId), inArray(sites.id, siteIds)));
    if (found.length !== siteIds.length) throw new AppError('VALIDATION', 'Unknown site', { siteIds: 'invalid' });
    const minerIds = [...new Set(input.minerIds)];
    if (minerIds.length) {
      const own = await tx.select({ id: miners.id }).from(miners).where(and(inArray(miners.id, minerIds), eq(miners.customerId, customer.id), inArray(miners.siteId, siteIds)));
      if (own.length !== minerIds.length) throw new AppError('VALIDATION', 'A miner is not the customer’s at a covered site', { minerIds: 'invalid' });
    }
    if (input.pricing === 'per_kw_reserved' && input.reservedKw <= 0) throw new AppError('VALIDATION', 'Reserved kW missing', { reservedKw: 'positive' });
    const [row] = await tx
      .insert(hostingContracts)
      .values({ ...input, orgId: customer.orgId, siteIds, minerIds, notes: input.notes ?? null, createdBy: actorId })
      .returning();
    await recordAudit(tx, { orgId: customer.orgId, actorUserId: actorId, action: 'billing.contract_create', entityType: 'hosting_contract', entityId: row!.id, after: input, siteIds });
    return row!;
  });
}

/** A void contract stays on record (its invoices point at it) and is never invoiced again. */
export async function voidContract(db: Db, scope: Scope, id: string, actorId: string | null, now = new Date()) {
  assertManages(scope);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(hostingContracts)
      .set({ status: 'void', voidedAt: now })
      .where(and(eq(hostingContracts.id, id), eq(hostingContracts.orgId, scope.orgId), eq(hostingContracts.status, 'active')))
      .returning();
    if (!row) throw new AppError('NOT_FOUND', 'No such active contract');
    await recordAudit(tx, { orgId: row.orgId, actorUserId: actorId, action: 'billing.contract_void', entityType: 'hosting_contract', entityId: id, siteIds: row.siteIds });
    return row;
  });
}

export async function listContracts(db: Db, scope: Scope, customerId: string) {
  return db
    .select()
    .from(hostingContracts)
    .where(and(eq(hostingContracts.customerId, customerId), billingScope(hostingContracts, scope)))
    .orderBy(desc(hostingContracts.createdAt));
}

export async function getContract(db: Db, scope: Scope, id: string): Promise<ContractRow> {
  const [row] = await db.select().from(hostingContracts).where(and(eq(hostingContracts.id, id), billingScope(hostingContracts, scope)));
  if (!row) throw new AppError('NOT_FOUND', 'No such contract');
  return row;
}

/** Contracts of an organization that may bill `month`: active, started by its end. */
export async function activeContracts(db: Db, orgId: string | null, month: string) {
  return db
    .select()
    .from(hostingContracts)
    .where(and(orgId ? eq(hostingContracts.orgId, orgId) : undefined, eq(hostingContracts.status, 'active'), sql`${hostingContracts.startDate} < (${`${month}-01`}::date + interval '1 month')`))
    .orderBy(hostingContracts.createdAt);
}

/** Customers the scope sees, for a billing form's choice (by name; a form lists at most 500). */
export async function billingCustomerOptions(db: Db, scope: Scope) {
  return db.select({ id: customers.id, name: customers.name }).from(customers).where(customerScope(scope)).orderBy(customers.name).limit(500);
}
