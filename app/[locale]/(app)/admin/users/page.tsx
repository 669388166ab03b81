import { getFormatter, getTranslations } from 'next-intl/server';
import { ListTable } from '@/components/list/list-table';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listUsers } from '@/db/queries/admin/users';
import { orgCustomers, orgSites } from '@/db/queries/admin/user-admin';
import { can } from '@/lib/auth/permissions';
import { normalizeRole, SITE_SCOPED_ROLES } from '@/lib/core/roles';
import { canManageRole, grantableRoles } from '@/lib/domain/admin/role-rank';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { pagedListSchema } from '@/lib/list/list-fields';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { InviteDialog } from './_components/invite-dialog';
import { UserActions } from './_components/user-actions';

export const generateMetadata = pageTitle('users');

const day = (v: string | Date | null) => (v ? new Date(v).toISOString().slice(0, 10) : null);

export default async function UsersPage(props: ListPageProps) {
  const { actor, q, query } = await openListPage(props, 'user:list_view', pagedListSchema());
  const db = await getDb();
  const manages = can(actor.role, 'user:edit', 'FULL') || can(actor.role, 'user:disable', 'FULL');
  const [page, t, tRoles, format, sites, customers] = await Promise.all([
    listUsers(db, actor.scope, q),
    getTranslations('Users'),
    getTranslations('Roles'),
    getFormatter(),
    manages ? orgSites(db, actor.orgId) : [],
    can(actor.role, 'user:create', 'FULL') ? orgCustomers(db, actor.orgId) : [],
  ]);
  const options = { roles: grantableRoles(actor.role), sites, customers: customers.map((c) => ({ id: c.id, name: c.email ? `${c.name} (${c.email})` : c.name })) };
  const rowCan = (id: string, role: ReturnType<typeof normalizeRole>) => {
    const reach = canManageRole(actor.role, role);
    const other = id !== actor.userId;
    return { edit: reach && can(actor.role, 'user:edit', 'FULL'), disable: reach && other && can(actor.role, 'user:disable', 'FULL'), delete: reach && other && can(actor.role, 'user:delete', 'FULL') };
  };
  return (
    <>
      <PageHeader
        title={t('title')}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <Link href="/admin/users/permissions" className="text-sm text-accent hover:underline">
              {t('matrixLink')}
            </Link>
            {can(actor.role, 'user:create', 'FULL') ? <InviteDialog options={options} /> : null}
          </div>
        }
      />
      <ListTable
        pathname="/admin/users"
        query={query}
        page={page}
        empty={{ title: t('empty') }}
        label={t('title')}
        rowKey={(u) => u.id}
        columns={[
          {
            key: 'email',
            header: t('email'),
            cellClassName: 'text-xs',
            cell: (u) => (
              <>
                {u.email} {u.disabledAt ? <Badge tone="bad">{t('disabled')}</Badge> : null}
              </>
            ),
          },
          { key: 'name', header: t('name'), cell: (u) => u.name },
          { key: 'role', header: t('role'), cell: (u) => <Badge tone="accent">{tRoles(normalizeRole(u.role))}</Badge> },
          {
            key: 'sites',
            header: t('sites'),
            cellClassName: 'text-xs',
            cell: (u) => {
              const role = normalizeRole(u.role);
              if (role === 'CLIENT') return u.customerName ?? t('noCustomerLinked');
              return SITE_SCOPED_ROLES.includes(role) ? u.sites.join(', ') || '—' : t('allSites');
            },
          },
          { key: 'until', header: t('accessUntil'), cellClassName: 'text-xs', cell: (u) => (u.accessUntil ? format.dateTime(new Date(u.accessUntil), { dateStyle: 'medium' }) : t('openEnded')) },
          { key: 'lastLogin', header: t('lastLogin'), cellClassName: 'text-xs', cell: (u) => (u.lastLoginAt ? format.dateTime(u.lastLoginAt, { dateStyle: 'medium', timeStyle: 'short' }) : t('never')) },
          ...(manages
            ? [
                {
                  key: 'actions',
                  header: t('actions'),
                  cell: (u: (typeof page.rows)[number]) => {
                    const role = normalizeRole(u.role);
                    return <UserActions user={{ id: u.id, email: u.email, name: u.name, role, siteIds: u.siteIds, accessUntil: day(u.accessUntil), disabled: Boolean(u.disabledAt) }} options={options} can={rowCan(u.id, role)} />;
                  },
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
