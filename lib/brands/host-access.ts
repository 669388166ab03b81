import { getDb } from '@/db';
import { customerBrandIds } from '@/db/queries/hosting/brands';
import type { Role } from '@/lib/core/roles';
import { brandAdmits } from '@/lib/domain/brands/access';
import { getHostBrand } from './host-brand';

/**
 * Whether a user may use the app on this request's host: always on the default host, never on an
 * unknown one, and on a brand's host by the rule in lib/domain/brands/access.ts. Checked at sign-in
 * and on every request (getActor), so moving a customer to another brand takes effect at once.
 */
export async function hostAdmits(who: { orgId: string; role: Role; linkedCustomerIds: string[] }): Promise<boolean> {
  const host = await getHostBrand();
  if (host.kind === 'default') return true;
  if (host.kind === 'unknown') return false;
  const brandIds = who.role === 'CLIENT' ? await customerBrandIds(await getDb(), who.orgId, who.linkedCustomerIds) : [];
  return brandAdmits(host.brand, { orgId: who.orgId, role: who.role, customerBrandIds: brandIds });
}
