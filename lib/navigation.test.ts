import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation';

const hrefs = (role: Parameters<typeof navigationFor>[0]) => navigationFor(role).flatMap((a) => a.items.map((i) => i.href));

describe('navigationFor', () => {
  it('shows the owner everything', () => {
    expect(hrefs('OWNER')).toEqual(['/dashboard', '/hosting/devices', '/hosting/sites', '/crm/customers', '/admin/users', '/admin/audit', '/system/health', '/settings']);
  });
  it('shows a client its miners but no sites, CRM or administration', () => {
    expect(hrefs('CLIENT')).toEqual(['/dashboard', '/hosting/devices', '/settings']);
  });
  it('shows an operator the floor but not users or audit', () => {
    expect(hrefs('OPERATOR')).toEqual(['/dashboard', '/hosting/devices', '/hosting/sites', '/crm/customers', '/system/health', '/settings']);
  });
  it('shows a guest only the dashboard', () => {
    expect(hrefs('GUEST')).toEqual(['/dashboard']);
  });
});
