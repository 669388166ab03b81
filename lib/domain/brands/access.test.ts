import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/core/roles';
import { brandAdmits } from './access';

const acme = { id: 'brand-acme', orgId: 'org-1' };

describe('brandAdmits', () => {
  it.each<[string, { orgId: string; role: Role; customerBrandIds: (string | null)[] }, boolean]>([
    ['a client of one of the brand’s customers', { orgId: 'org-1', role: 'CLIENT', customerBrandIds: ['brand-acme'] }, true],
    ['a client linked to several customers, one in the brand', { orgId: 'org-1', role: 'CLIENT', customerBrandIds: [null, 'brand-nova', 'brand-acme'] }, true],
    ['a client of another brand', { orgId: 'org-1', role: 'CLIENT', customerBrandIds: ['brand-nova'] }, false],
    ['a client of a customer without a brand', { orgId: 'org-1', role: 'CLIENT', customerBrandIds: [null] }, false],
    ['a client linked to no customer', { orgId: 'org-1', role: 'CLIENT', customerBrandIds: [] }, false],
    ['the owning organization’s owner', { orgId: 'org-1', role: 'OWNER', customerBrandIds: [] }, true],
    ['the owning organization’s operator', { orgId: 'org-1', role: 'OPERATOR', customerBrandIds: [] }, true],
    ['a guest of the owning organization', { orgId: 'org-1', role: 'GUEST', customerBrandIds: [] }, false],
    ['another organization’s owner', { orgId: 'org-2', role: 'OWNER', customerBrandIds: [] }, false],
    ['another organization’s client, even naming the brand id', { orgId: 'org-2', role: 'CLIENT', customerBrandIds: ['brand-acme'] }, false],
  ])('%s → %s', (_label, who, expected) => {
    expect(brandAdmits(acme, who)).toBe(expected);
  });
});
