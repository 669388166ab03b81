import { can, type Module } from './auth/permissions';
import type { Role } from './auth/roles';

export type NavItem = { key: string; href: string; module: Module };
export type NavArea = { key: string; items: NavItem[] };

/** Every page in the app, by area, with the module that opens it. Later areas add themselves here. */
export const NAVIGATION: NavArea[] = [
  { key: 'overview', items: [{ key: 'dashboard', href: '/dashboard', module: 'basic:dashboard' }] },
  {
    key: 'hosting',
    items: [
      { key: 'miners', href: '/hosting/devices', module: 'hosting:status_monitor' },
      { key: 'sites', href: '/hosting/sites', module: 'hosting:site_management' },
    ],
  },
  { key: 'crm', items: [{ key: 'customers', href: '/crm/customers', module: 'crm:customer_view' }] },
  {
    key: 'admin',
    items: [
      { key: 'users', href: '/admin/users', module: 'user:list_view' },
      { key: 'audit', href: '/admin/audit', module: 'system:audit' },
      { key: 'health', href: '/system/health', module: 'system:health' },
    ],
  },
  { key: 'account', items: [{ key: 'settings', href: '/settings', module: 'basic:settings' }] },
];

/** The navigation a role may see: areas with no permitted item disappear. */
export function navigationFor(role: Role): NavArea[] {
  return NAVIGATION.map((a) => ({ ...a, items: a.items.filter((i) => can(role, i.module, 'READ')) })).filter((a) => a.items.length > 0);
}
