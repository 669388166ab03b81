import { and, eq } from 'drizzle-orm';
import type { ReportBrand } from '@/lib/domain/reports/model';
import type { Db } from '../../client';
import { brands, customers, organizations } from '../../schema';

const ORANGE = '#f7931a';
const NAVY = '#1a1d2e';

/**
 * The look of a report: a customer's enabled brand (its name, logo and colours) when the report is
 * about one customer of a brand, else the organization's name in the app's colours.
 */
export async function reportBrand(db: Db, orgId: string, customerId: string | null): Promise<ReportBrand> {
  if (customerId) {
    const [b] = await db
      .select({ name: brands.displayName, logo: brands.logo, primary: brands.primaryColor, accent: brands.accentColor })
      .from(customers)
      .innerJoin(brands, and(eq(brands.id, customers.brandId), eq(brands.enabled, true)))
      .where(and(eq(customers.id, customerId), eq(customers.orgId, orgId)));
    // A brand's accent is often its primary again; the header needs contrast, so keep the dark band then.
    if (b) return { white: true, name: b.name, logo: b.logo, primary: b.primary, accent: b.accent.toLowerCase() === b.primary.toLowerCase() ? NAVY : b.accent };
  }
  const [o] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, orgId));
  return { name: o?.name ?? '', logo: null, primary: ORANGE, accent: NAVY };
}
