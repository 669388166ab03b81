import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { brands, customers } from '../schema';
import { buildDemoFarm, type DemoCustomer } from './demo-farm';

/**
 * Two white-label brands for the demo: "acme" (http://acme.localhost:3000) holds client@demo.local's
 * customer (key 0) and a few more; "nova" holds others, so a client of one brand can be shown to be
 * refused on the other. Idempotent: an existing brand or assignment is left as it is.
 */
export const DEMO_BRANDS = [
  { subdomain: 'acme', displayName: 'Acme Hosting', primaryColor: '#2f9e44', accentColor: '#74c0fc', supportEmail: 'support@acme.example', customerKeys: [0, 3, 6, 9] },
  { subdomain: 'nova', displayName: 'Nova Mining Services', primaryColor: '#7048e8', accentColor: '#f783ac', supportEmail: 'help@nova.example', customerKeys: [1, 4, 7] },
] as const;

/** `farmCustomers`: the demo farm's customers when the caller has built it already. */
export async function seedDemoBrands(db: Db, orgId: string, farmCustomers: DemoCustomer[] = buildDemoFarm().customers) {
  for (const b of DEMO_BRANDS) {
    const { customerKeys, ...fields } = b;
    await db.insert(brands).values({ orgId, ...fields }).onConflictDoNothing({ target: brands.subdomain });
    const [brand] = await db.select({ id: brands.id }).from(brands).where(and(eq(brands.orgId, orgId), eq(brands.subdomain, b.subdomain)));
    if (!brand) continue; // the subdomain belongs to another organization: leave it alone
    const emails = farmCustomers.filter((c) => (customerKeys as readonly number[]).includes(c.key)).map((c) => c.email);
    await db
      .update(customers)
      .set({ brandId: brand.id, updatedAt: sql`now()` })
      .where(and(eq(customers.orgId, orgId), inArray(customers.email, emails), isNull(customers.brandId)));
  }
}
