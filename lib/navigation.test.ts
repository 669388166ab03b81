import { describe, expect, it } from 'vitest';
import { can } from './auth/permissions';
import { ROLES } from './auth/roles';
import { NAVIGATION, navigationFor } from './navigation';

const hrefs = (role: Parameters<typeof navigationFor>[0]) => navigationFor(role).flatMap((a) => a.items.map((i) => i.href));
const all = NAVIGATION.flatMap((a) => a.items);

describe('navigationFor', () => {
  it('shows each role exactly the pages its permissions open', () => {
    for (const role of ROLES) {
      expect(hrefs(role)).toEqual(all.filter((i) => can(role, i.module, 'READ')).map((i) => i.href));
    }
  });
  it('shows the owner everything', () => expect(hrefs('OWNER')).toEqual(all.map((i) => i.href)));
  it('shows a client its miners but no sites, CRM or administration', () => {
    expect(hrefs('CLIENT')).toContain('/hosting/devices');
    for (const h of ['/hosting/sites', '/crm/customers', '/admin/users', '/admin/audit', '/system/health']) expect(hrefs('CLIENT')).not.toContain(h);
  });
  it('shows an operator the floor but not users or audit', () => {
    expect(hrefs('OPERATOR')).toEqual(expect.arrayContaining(['/hosting/devices', '/hosting/sites']));
    expect(hrefs('OPERATOR')).not.toContain('/admin/users');
    expect(hrefs('OPERATOR')).not.toContain('/admin/audit');
  });
  it('shows a guest no farm pages', () => {
    for (const h of ['/hosting/devices', '/hosting/sites', '/crm/customers', '/admin/users', '/settings']) expect(hrefs('GUEST')).not.toContain(h);
  });
  it('drops areas with nothing to show', () => {
    expect(navigationFor('GUEST').every((a) => a.items.length > 0)).toBe(true);
  });
});
