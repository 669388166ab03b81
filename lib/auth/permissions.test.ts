import { describe, expect, it } from 'vitest';
import { MODULES, accessOf, can } from './permissions';
import { ROLES, normalizeRole } from '@/lib/core/roles';

describe('RBAC matrix', () => {
  it('covers the module groups of RBAC v2 with over 50 modules', () => {
    const groups = new Set(MODULES.map((m) => m.split(':')[0]));
    for (const g of ['basic', 'hosting', 'curtailment', 'crm', 'analytics', 'ai', 'user', 'system', 'web3', 'finance', 'report', 'remote']) {
      expect(groups.has(g), g).toBe(true);
    }
    expect(MODULES.length).toBeGreaterThanOrEqual(50);
  });

  it('gives the owner FULL everywhere', () => {
    for (const m of MODULES) expect(accessOf('OWNER', m)).toBe('FULL');
  });

  it.each([
    ['ADMIN', 'user:create', 'FULL'],
    ['ADMIN', 'user:delete', 'NONE'],
    ['MINING_SITE_OWNER', 'hosting:site_management', 'FULL'],
    ['MINING_SITE_OWNER', 'user:create', 'NONE'],
    ['OPERATOR', 'hosting:site_management', 'READ'],
    ['OPERATOR', 'remote:execute', 'FULL'],
    ['OPERATOR', 'crm:customer_management', 'NONE'],
    ['CLIENT', 'hosting:status_monitor', 'READ'],
    ['CLIENT', 'hosting:ticket', 'FULL'],
    ['CLIENT', 'crm:customer_view', 'NONE'],
    ['CLIENT', 'hosting:batch_create', 'NONE'],
    ['GUEST', 'basic:calculator', 'FULL'],
    ['GUEST', 'basic:dashboard', 'READ'],
    ['GUEST', 'hosting:status_monitor', 'NONE'],
    ['GUEST', 'basic:profile', 'FULL'],
    ['GUEST', 'basic:settings', 'NONE'],
    ['CLIENT', 'pool:data', 'READ'],
    ['CLIENT', 'pool:links', 'NONE'],
    ['CLIENT', 'pool:usage', 'NONE'],
    ['MINING_SITE_OWNER', 'pool:links', 'FULL'],
    ['MINING_SITE_OWNER', 'pool:usage', 'NONE'],
    ['OPERATOR', 'pool:links', 'READ'],
  ] as const)('%s on %s is %s', (role, module, access) => {
    expect(accessOf(role, module)).toBe(access);
  });

  it('ranks FULL above READ', () => {
    expect(can('OPERATOR', 'hosting:site_management', 'READ')).toBe(true);
    expect(can('OPERATOR', 'hosting:site_management', 'FULL')).toBe(false);
    expect(can('GUEST', 'user:list_view')).toBe(false);
  });

  it('never lets a lesser role exceed the owner and admin', () => {
    for (const m of MODULES) {
      for (const r of ROLES.slice(2)) {
        if (can(r, m, 'FULL')) expect(can('ADMIN', m, 'FULL') || m === 'user:delete').toBe(true);
      }
    }
  });
});

describe('normalizeRole', () => {
  it.each([
    ['OWNER', 'OWNER'],
    ['admin', 'ADMIN'],
    ['site_manager', 'MINING_SITE_OWNER'],
    ['mining_site_owner', 'MINING_SITE_OWNER'],
    ['operator', 'OPERATOR'],
    ['customer', 'CLIENT'],
    ['investor', 'CLIENT'],
    ['tenant_admin', 'ADMIN'],
    ['wizard', 'GUEST'],
    ['', 'GUEST'],
    [null, 'GUEST'],
  ] as const)('%s → %s', (raw, role) => {
    expect(normalizeRole(raw)).toBe(role);
  });
});
