import type { Role } from '@/lib/core/roles';

export type HostBrandRef = { id: string; orgId: string };

/**
 * Who may use the app on a brand's host: the staff of the organization that owns the brand, and
 * CLIENT users linked to at least one of the brand's customers. Everyone else (a client of another
 * brand or of none, a guest, any member of another organization) is refused, so one brand's host
 * never shows another brand's data.
 */
export function brandAdmits(brand: HostBrandRef, who: { orgId: string; role: Role; customerBrandIds: (string | null)[] }): boolean {
  if (who.orgId !== brand.orgId) return false;
  if (who.role === 'CLIENT') return who.customerBrandIds.includes(brand.id);
  return who.role !== 'GUEST';
}
