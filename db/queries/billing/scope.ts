import { and, eq, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import { isOrgWide, type Scope } from '@/lib/core/scope';
import type { Db } from '../../client';
import { customers } from '../../schema';
import { customerScope } from '../scope';

/**
 * Billing rows belong to a customer: a row is in scope when its customer is (a CLIENT: its own; a
 * site-bound role: the customers hosted on its sites; owners and administrators: all of the
 * organization's).
 */
export function billingScope(columns: { orgId: SQLWrapper; customerId: SQLWrapper }, scope: Scope): SQL {
  return and(eq(columns.orgId, scope.orgId), sql`exists (select 1 from ${customers} where ${customers.id} = ${columns.customerId} and ${customerScope(scope)})`)!;
}

/** The customer, if the scope sees it; NOT_FOUND otherwise (so no answer confirms another's customer exists). */
export async function customerInScope(db: Db, scope: Scope, customerId: string) {
  const [c] = await db.select({ id: customers.id, orgId: customers.orgId, name: customers.name, email: customers.email }).from(customers).where(and(eq(customers.id, customerId), customerScope(scope)));
  if (!c) throw new AppError('NOT_FOUND', 'No such customer', { customerId: 'invalid' });
  return c;
}

/** Contracts, invoices and payments are written by owners and administrators only. */
export function assertManages(scope: Scope) {
  if (!isOrgWide(scope)) throw new AppError('FORBIDDEN');
}

/** Serialises number allocation and the monthly run per organization (transaction-scoped). */
export const lockInvoices = (db: Db, orgId: string) => db.execute(sql`select pg_advisory_xact_lock(hashtext(${`invoices:${orgId}`}))`);
/** Serialises a customer's balance writes, so two payments never allocate the same amount due. */
export const lockBalance = (db: Db, customerId: string) => db.execute(sql`select pg_advisory_xact_lock(hashtext(${`balance:${customerId}`}))`);

/** Today's date in UTC (invoices are dated by the organization's books, kept in UTC). */
export const utcDay = (now: Date) => now.toISOString().slice(0, 10);
