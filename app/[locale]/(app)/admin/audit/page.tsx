import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listAudit } from '@/db/queries/audit';
import { requirePage } from '@/lib/auth/guard';
import { pageParamsSchema } from '@/lib/validation/list-params';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'system:audit');
  const query = pageParamsSchema.parse(await searchParams);
  const [page, t, format] = await Promise.all([listAudit(await getDb(), actor.orgId, query), getTranslations('Audit'), getFormatter()]);
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
                <Th>{t('when')}</Th>
                <Th>{t('who')}</Th>
                <Th>{t('action')}</Th>
                <Th>{t('entity')}</Th>
                <Th>{t('changes')}</Th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((e) => (
                <tr key={e.id}>
                  <Td className="whitespace-nowrap text-xs">{format.dateTime(e.createdAt, { dateStyle: 'short', timeStyle: 'medium' })}</Td>
                  <Td className="text-xs">{e.actorEmail ?? t('system')}</Td>
                  <Td className="font-mono text-xs">{e.action}</Td>
                  <Td className="font-mono text-xs">
                    {e.entityType}:{e.entityId.slice(0, 8)}
                  </Td>
                  <Td className="max-w-md truncate font-mono text-xs text-muted" title={JSON.stringify({ before: e.before, after: e.after })}>
                    {JSON.stringify(e.after)}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination pathname="/admin/audit" query={{ pageSize: String(query.pageSize) }} page={page.page} pageCount={page.pageCount} total={page.total} />
        </>
      )}
    </>
  );
}
