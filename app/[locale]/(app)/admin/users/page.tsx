import { getFormatter, getTranslations } from 'next-intl/server';
import { ListTable } from '@/components/list/list-table';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listUsers } from '@/db/queries/admin/users';
import { normalizeRole, SITE_SCOPED_ROLES } from '@/lib/core/roles';
import { pageTitle } from '@/lib/i18n/page-title';
import { pagedListSchema } from '@/lib/list/list-fields';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';

export const generateMetadata = pageTitle('users');

export default async function UsersPage(props: ListPageProps) {
  const { actor, q, query } = await openListPage(props, 'user:list_view', pagedListSchema());
  const [page, t, tRoles, format] = await Promise.all([listUsers(await getDb(), actor.scope, q), getTranslations('Users'), getTranslations('Roles'), getFormatter()]);
  return (
    <>
      <PageHeader title={t('title')} />
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
          { key: 'sites', header: t('sites'), cellClassName: 'text-xs', cell: (u) => (SITE_SCOPED_ROLES.includes(normalizeRole(u.role)) ? u.sites.join(', ') || '—' : t('allSites')) },
          { key: 'lastLogin', header: t('lastLogin'), cellClassName: 'text-xs', cell: (u) => (u.lastLoginAt ? format.dateTime(u.lastLoginAt, { dateStyle: 'medium', timeStyle: 'short' }) : t('never')) },
        ]}
      />
    </>
  );
}
