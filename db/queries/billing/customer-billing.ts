import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import type { Db } from '../../client';
import { balanceEntries, hostingContracts, miners, sites } from '../../schema';
import { billingScope } from './scope';

/** What the new-contract form offers: the organization's sites and the customer's miners (not sold). */
export async function contractFormOptions(db: Db, scope: Scope, customerId: string) {
  const [siteRows, minerRows] = await Promise.all([
    db.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.orgId, scope.orgId)).orderBy(asc(sites.name)),
    db
      .select({ id: miners.id, name: miners.name, siteId: miners.siteId })
      .from(miners)
      .where(and(eq(miners.orgId, scope.orgId), eq(miners.customerId, customerId), ne(miners.status, 'sold')))
      .orderBy(asc(miners.name))
      .limit(500),
  ]);
  return { sites: siteRows, miners: minerRows };
}

/** The customer's SLA credits, newest month first, with their evidence (measured days, uptime, formula inputs). */
export async function slaCreditsOf(db: Db, scope: Scope, customerId: string) {
  return db
    .select({ id: balanceEntries.id, month: balanceEntries.month, amountCents: balanceEntries.amountCents, evidence: balanceEntries.evidence, contractId: balanceEntries.contractId, invoiceId: balanceEntries.invoiceId })
    .from(balanceEntries)
    .where(and(eq(balanceEntries.customerId, customerId), eq(balanceEntries.kind, 'sla_credit'), billingScope(balanceEntries, scope)))
    .orderBy(desc(balanceEntries.month))
    .limit(24);
}

/** Contract labels for a form's choice. */
export async function contractOptions(db: Db, scope: Scope, customerId: string) {
  return db
    .select({ id: hostingContracts.id, pricing: hostingContracts.pricing, startDate: hostingContracts.startDate })
    .from(hostingContracts)
    .where(and(eq(hostingContracts.customerId, customerId), eq(hostingContracts.status, 'active'), billingScope(hostingContracts, scope)));
}
