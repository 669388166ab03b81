import { describe, expect, it } from 'vitest';
import { canGrantRole, canManageRole, grantableRoles } from './role-rank';

describe('role ranks', () => {
  it('never lets a role grant above itself', () => {
    expect(grantableRoles('OWNER')).toEqual(['OWNER', 'ADMIN', 'MINING_SITE_OWNER', 'OPERATOR', 'CLIENT', 'GUEST']);
    expect(grantableRoles('ADMIN')).toEqual(['ADMIN', 'MINING_SITE_OWNER', 'OPERATOR', 'CLIENT', 'GUEST']);
    expect(grantableRoles('GUEST')).toEqual(['GUEST']);
    expect(canGrantRole('ADMIN', 'OWNER')).toBe(false);
    expect(canGrantRole('MINING_SITE_OWNER', 'ADMIN')).toBe(false);
    expect(canGrantRole('ADMIN', 'ADMIN')).toBe(true);
  });

  it('lets a role manage only those at or below it', () => {
    expect(canManageRole('ADMIN', 'OWNER')).toBe(false);
    expect(canManageRole('ADMIN', 'CLIENT')).toBe(true);
    expect(canManageRole('OWNER', 'OWNER')).toBe(true);
  });
});
