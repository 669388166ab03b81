import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import type { HostingFees } from '@/lib/domain/power/bill';
import type { Db } from '../../client';
import { customerHostingFees, customers, miners, sites } from '../../schema';
import { recordAudit } from '../admin/audit';
import { scopeWhere } from '../scope';

export type HostingFeesInput = { siteId: string; customerId: string; monthlyCents: number; perMinerMonthCents: number; mcPerKwh: number };

const feeScope = (scope: Scope) => scopeWhere({ orgId: customerHostingFees.orgId, siteId: customerHostingFees.siteId, customerId: customerHostingFees.customerId }, scope);

/**
 * A customer's hosting fees at a site and the miners it hosts there now (units of its miners not
 * sold), as a bill is drafted; no row is no fee. The count is recorded on the bill's line, so an
 * issued bill keeps the miners it was issued for.
 */
export async function hostingFeesFor(db: Db, siteId: string, customerId: string): Promise<HostingFees> {
  const [fees] = await db.select().from(customerHostingFees).where(and(eq(customerHostingFees.siteId, siteId), eq(customerHostingFees.customerId, customerId)));
  const [count] = await db
    .select({ n: sql<number>`coalesce(sum(${miners.quantity}), 0)::int` })
    .from(miners)
    .where(and(eq(miners.siteId, siteId), eq(miners.customerId, customerId), ne(miners.status, 'sold')));
  return { monthlyCents: fees?.monthlyCents ?? 0, perMinerMonthCents: fees?.perMinerMonthCents ?? 0, mcPerKwh: fees?.mcPerKwh ?? 0, miners: count?.n ?? 0 };
}

/** The fees in scope, by site and customer name (staff). */
export async function listHostingFees(db: Db, scope: Scope, o: { siteId?: string } = {}) {
  return db
    .select({ fees: customerHostingFees, siteName: sites.name, customerName: customers.name })
    .from(customerHostingFees)
    .innerJoin(sites, eq(sites.id, customerHostingFees.siteId))
    .innerJoin(customers, eq(customers.id, customerHostingFees.customerId))
    .where(and(feeScope(scope), o.siteId ? eq(customerHostingFees.siteId, o.siteId) : undefined))
    .orderBy(asc(sites.name), asc(customers.name))
    .limit(1000);
}

/** Sets a customer's hosting fees at a site (both in the writer's scope and organization), audited. */
export async function putHostingFees(db: Db, scope: Scope, input: HostingFeesInput, actorId: string | null) {
  return db.transaction(async (tx) => {
    const [site] = await tx.select({ id: sites.id, orgId: sites.orgId }).from(sites).where(and(eq(sites.id, input.siteId), scopeWhere({ orgId: sites.orgId, siteId: sites.id }, scope)));
    const [customer] = site
      ? await tx.select({ id: customers.id }).from(customers).where(and(eq(customers.id, input.customerId), eq(customers.orgId, site.orgId), scopeWhere({ orgId: customers.orgId, customerId: customers.id }, scope)))
      : [];
    if (!site || !customer) throw new AppError('NOT_FOUND', 'No such site or customer');
    const values = { ...input, orgId: site.orgId, updatedBy: actorId, updatedAt: new Date() };
    const [row] = await tx.insert(customerHostingFees).values(values).onConflictDoUpdate({ target: [customerHostingFees.siteId, customerHostingFees.customerId], set: values }).returning();
    await recordAudit(tx, { orgId: site.orgId, actorUserId: actorId, action: 'power.hosting_fees', entityType: 'customer', entityId: input.customerId, after: row, siteIds: [input.siteId] });
    return row!;
  });
}

