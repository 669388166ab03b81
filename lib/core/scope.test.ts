import { describe, expect, it } from 'vitest';
import { isOrgWide, scopeAllowsSite, scopeFor } from './scope';

const input = { orgId: 'o', assignedSiteIds: ['s1'], linkedCustomerIds: ['c1'] };

describe('scopeFor', () => {
  it.each([
    ['OWNER', 'all', 'all'],
    ['ADMIN', 'all', 'all'],
    ['MINING_SITE_OWNER', ['s1'], 'all'],
    ['OPERATOR', ['s1'], 'all'],
    ['CLIENT', 'all', ['c1']],
    ['GUEST', [], []],
  ] as const)('%s sees sites %j and customers %j', (role, sites, customers) => {
    const s = scopeFor({ ...input, role });
    expect(s.sites).toEqual(sites);
    expect(s.customers).toEqual(customers);
    expect(s.orgId).toBe('o');
  });

  it('gives a CLIENT with no linked customer nothing', () => {
    expect(scopeFor({ ...input, role: 'CLIENT', linkedCustomerIds: [] }).customers).toEqual([]);
  });

  it('checks a site against the scope', () => {
    expect(scopeAllowsSite(scopeFor({ ...input, role: 'OPERATOR' }), 's1')).toBe(true);
    expect(scopeAllowsSite(scopeFor({ ...input, role: 'OPERATOR' }), 's2')).toBe(false);
    expect(scopeAllowsSite(scopeFor({ ...input, role: 'OWNER' }), 's2')).toBe(true);
  });

  it.each([
    ['OWNER', true],
    ['ADMIN', true],
    ['MINING_SITE_OWNER', false],
    ['OPERATOR', false],
    ['CLIENT', false],
    ['GUEST', false],
  ] as const)('%s org-wide: %s', (role, expected) => {
    expect(isOrgWide(scopeFor({ ...input, role }))).toBe(expected);
  });
});
