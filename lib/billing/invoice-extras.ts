import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { listDepositAddresses } from '@/db/queries/billing/deposit-addresses';
import { brands, customers } from '@/db/schema';
import type { Scope } from '@/lib/core/scope';
import type { InvoicePdfExtras } from './invoice-pdf';

/** The customer's white-label brand (its name and logo on the PDF, its name as the sender), if it has one. */
export async function brandOf(db: Db, customerId: string): Promise<{ displayName: string; logo: string | null } | null> {
  const [row] = await db.select({ displayName: brands.displayName, logo: brands.logo }).from(customers).innerJoin(brands, eq(brands.id, customers.brandId)).where(eq(customers.id, customerId));
  return row ?? null;
}

/** Everything the invoice PDF prints beside the invoice: brand name and logo, and the customer's deposit addresses. */
export async function invoicePdfExtras(db: Db, scope: Scope, customerId: string): Promise<InvoicePdfExtras & { brand: { displayName: string; logo: string | null } | null }> {
  const [brand, depositAddresses] = await Promise.all([brandOf(db, customerId), listDepositAddresses(db, scope, customerId)]);
  return { brand, brandName: brand?.displayName ?? null, logo: brand?.logo ?? null, depositAddresses };
}
