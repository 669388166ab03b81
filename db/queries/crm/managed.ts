import { and, eq } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Principal } from '@/lib/core/principal';
import type { Db } from '../../client';
import { customers, leads } from '../../schema';
import { crmCustomerWhere, leadWhere } from './scope';
import type { Tx } from './tx';

/**
 * The customer, if the principal manages it; else NOT_FOUND (or a field error when named by a form),
 * the same answer as for an id that does not exist, so another organization's ids reveal nothing.
 */
export async function managedCustomer(tx: Tx | Db, who: Principal, customerId: string, field?: string) {
  const [row] = await tx.select({ id: customers.id, name: customers.name, email: customers.email }).from(customers).where(and(crmCustomerWhere(who), eq(customers.id, customerId)));
  if (!row) throw field ? new AppError('VALIDATION', `invalid ${field}`, { [field]: 'invalid' }) : new AppError('NOT_FOUND');
  return row;
}

export async function managedLead(tx: Tx | Db, who: Principal, leadId: string, field?: string) {
  const [row] = await tx.select().from(leads).where(and(leadWhere(who), eq(leads.id, leadId)));
  if (!row) throw field ? new AppError('VALIDATION', `invalid ${field}`, { [field]: 'invalid' }) : new AppError('NOT_FOUND');
  return row;
}
