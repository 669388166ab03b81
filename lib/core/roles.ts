export const ROLES = ['OWNER', 'ADMIN', 'MINING_SITE_OWNER', 'OPERATOR', 'CLIENT', 'GUEST'] as const;
export type Role = (typeof ROLES)[number];

// Names used by the original system (and by imports from it), mapped onto the six roles.
const LEGACY_ROLES: Record<string, Role> = {
  super_admin: 'OWNER',
  tenant_owner: 'OWNER',
  tenant_admin: 'ADMIN',
  developer: 'ADMIN',
  finance: 'ADMIN',
  site_manager: 'MINING_SITE_OWNER',
  mining_site: 'MINING_SITE_OWNER',
  operator: 'OPERATOR',
  customer: 'CLIENT',
  investor: 'CLIENT',
  user: 'CLIENT',
  api_client: 'CLIENT',
  trader: 'CLIENT',
  readonly: 'GUEST',
};

/** Any stored role string → one of the six roles; anything unrecognised is a GUEST. */
export function normalizeRole(raw: string | null | undefined): Role {
  if (!raw) return 'GUEST';
  const key = raw.trim();
  const upper = key.toUpperCase();
  if ((ROLES as readonly string[]).includes(upper)) return upper as Role;
  return LEGACY_ROLES[key.toLowerCase()] ?? 'GUEST';
}

/** Roles whose view is limited to the sites assigned to them. */
export const SITE_SCOPED_ROLES: readonly Role[] = ['MINING_SITE_OWNER', 'OPERATOR'];
