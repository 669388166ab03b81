import type { Role } from './roles';
import { SITE_SCOPED_ROLES } from './roles';

/**
 * What a signed-in user may see inside their organization. 'all' means no restriction on that axis;
 * an empty list means nothing at all. Every query in db/queries takes one of these.
 */
export type Scope = {
  orgId: string;
  sites: 'all' | string[];
  customers: 'all' | string[];
};

export function scopeFor(input: { orgId: string; role: Role; assignedSiteIds: string[]; linkedCustomerIds: string[] }): Scope {
  const { orgId, role } = input;
  if (role === 'OWNER' || role === 'ADMIN') return { orgId, sites: 'all', customers: 'all' };
  if (SITE_SCOPED_ROLES.includes(role)) return { orgId, sites: [...input.assignedSiteIds], customers: 'all' };
  if (role === 'CLIENT') return { orgId, sites: 'all', customers: [...input.linkedCustomerIds] };
  return { orgId, sites: [], customers: [] };
}

export function scopeAllowsSite(scope: Scope, siteId: string): boolean {
  return scope.sites === 'all' || scope.sites.includes(siteId);
}

/** Owners and administrators: the only scope that may read or change organization-wide objects (brands, the whole audit log, every user). */
export function isOrgWide(scope: Scope): boolean {
  return scope.sites === 'all' && scope.customers === 'all';
}
