import { describe, expect, it } from 'vitest';
import { can } from './auth/permissions';
import { ROLES } from './core/roles';
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
    for (const h of ['/hosting/sites', '/crm/customers', '/admin/users', '/admin/audit', '/system']) expect(hrefs('CLIENT')).not.toContain(h);
  });
  it('shows a client none of the pool’s staff pages (worker links, the request budget), but its own pool data', () => {
    expect(hrefs('CLIENT')).toEqual(expect.arrayContaining(['/pool', '/pool/alerts', '/pool/payments']));
    for (const h of ['/pool/links', '/pool/usage', '/pool/settings']) expect(hrefs('CLIENT')).not.toContain(h);
  });
  it('shows worker links to the floor staff and the request budget to organization-wide roles only', () => {
    for (const role of ['OWNER', 'ADMIN', 'MINING_SITE_OWNER', 'OPERATOR'] as const) expect(hrefs(role)).toContain('/pool/links');
    expect(hrefs('ADMIN')).toContain('/pool/usage');
    for (const role of ['MINING_SITE_OWNER', 'OPERATOR', 'CLIENT', 'GUEST'] as const) expect(hrefs(role)).not.toContain('/pool/usage');
  });
  it('shows an operator the floor but not users or audit', () => {
    expect(hrefs('OPERATOR')).toEqual(expect.arrayContaining(['/hosting/devices', '/hosting/sites']));
    expect(hrefs('OPERATOR')).not.toContain('/admin/users');
    expect(hrefs('OPERATOR')).not.toContain('/admin/audit');
  });
  it('shows a guest no farm pages', () => {
    for (const h of ['/hosting/devices', '/hosting/sites', '/crm/customers', '/admin/users']) expect(hrefs('GUEST')).not.toContain(h);
  });
  it('shows every role, a guest too, its own settings (name, language, password) but a guest no personal tools', () => {
    for (const role of ROLES) expect(hrefs(role)).toContain('/settings');
    for (const h of ['/settings/mining', '/settings/alerts', '/settings/api-tokens']) expect(hrefs('GUEST')).not.toContain(h);
  });
  it('drops areas with nothing to show', () => {
    expect(navigationFor('GUEST').every((a) => a.items.length > 0)).toBe(true);
  });
});
