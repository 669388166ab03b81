import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { getDb } from '@/db';
import { listAudit } from '@/db/queries/audit';
import { requirePage } from '@/lib/auth/guard';
import { pageParamsSchema } from '@/lib/validation/list-params';
import { AuditEntry } from './_components/audit-entry';

export const metadata: Metadata = { title: 'Audit log' };

const th = 'bg-surface-2 px-3 py-2 text-xs font-semibold uppercase tracking-wide text-muted';

/** Owners and administrators read the whole organization's entries; a site owner those about its sites. */
export default async function AuditPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'system:audit');
  const query = pageParamsSchema.parse(await searchParams);
  const [page, t] = await Promise.all([listAudit(await getDb(), actor.scope, query), getTranslations('Audit')]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={actor.scope.sites === 'all' ? undefined : t('siteScoped')} />
      {page.rows.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <>
          <div className="rounded-lg border border-line">
            {/* On a phone the header hides and each row stacks into a card, so nothing scrolls sideways. */}
            <table className="block w-full text-left text-sm md:table" aria-label={t('title')}>
              <thead className="hidden md:table-header-group">
                <tr>
                  <th scope="col" className={th}>{t('when')}</th>
                  <th scope="col" className={th}>{t('who')}</th>
                  <th scope="col" className={th}>{t('action')}</th>
                  <th scope="col" className={th}>{t('entity')}</th>
                  <th scope="col" className={th}>{t('changes')}</th>
                </tr>
              </thead>
              <tbody className="block md:table-row-group">
                {page.rows.map((e) => (
                  <AuditEntry key={e.id} entry={e} />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination pathname="/admin/audit" query={{ pageSize: String(query.pageSize) }} page={page.page} pageCount={page.pageCount} total={page.total} />
        </>
      )}
    </>
  );
}
