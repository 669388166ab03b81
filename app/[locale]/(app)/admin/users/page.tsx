import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listUsers } from '@/db/queries/users';
import { requirePage } from '@/lib/auth/guard';
import { normalizeRole, SITE_SCOPED_ROLES } from '@/lib/auth/roles';
import { pageParamsSchema } from '@/lib/validation/list-params';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'user:list_view');
  const query = pageParamsSchema.parse(await searchParams);
  const [page, t, tRoles, format] = await Promise.all([listUsers(await getDb(), actor.scope, query), getTranslations('Users'), getTranslations('Roles'), getFormatter()]);
  return (
    <>
      <PageHeader title={t('title')} />
      {page.rows.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <>
          <Table label={t('title')}>
            <thead>
              <tr>
                <Th>{t('email')}</Th>
                <Th>{t('name')}</Th>
                <Th>{t('role')}</Th>
                <Th>{t('sites')}</Th>
                <Th>{t('lastLogin')}</Th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((u) => {
                const role = normalizeRole(u.role);
                return (
                  <tr key={u.id}>
                    <Td className="text-xs">
                      {u.email} {u.disabledAt ? <Badge tone="bad">{t('disabled')}</Badge> : null}
                    </Td>
                    <Td>{u.name}</Td>
                    <Td>
                      <Badge tone="accent">{tRoles(role)}</Badge>
                    </Td>
                    <Td className="text-xs">{SITE_SCOPED_ROLES.includes(role) ? u.sites.join(', ') || '—' : t('allSites')}</Td>
                    <Td className="text-xs">{u.lastLoginAt ? format.dateTime(u.lastLoginAt, { dateStyle: 'medium', timeStyle: 'short' }) : t('never')}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          <Pagination pathname="/admin/users" query={{ pageSize: String(query.pageSize) }} page={page.page} pageCount={page.pageCount} total={page.total} />
        </>
      )}
    </>
  );
}
