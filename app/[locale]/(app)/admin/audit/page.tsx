import { getTranslations } from 'next-intl/server';
import { ListFrame } from '@/components/list/list-frame';
import { PageHeader } from '@/components/ui/page-header';
import { Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listAudit } from '@/db/queries/admin/audit';
import { pageTitle } from '@/lib/i18n/page-title';
import { pagedListSchema } from '@/lib/list/list-fields';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { AuditEntry } from './_components/audit-entry';

export const generateMetadata = pageTitle('audit');

/** Owners and administrators read the whole organization's entries; a site owner those about its sites. */
export default async function AuditPage(props: ListPageProps) {
  const { actor, q, query } = await openListPage(props, 'system:audit', pagedListSchema());
  const [page, t] = await Promise.all([listAudit(await getDb(), actor.scope, q), getTranslations('Audit')]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={actor.scope.sites === 'all' ? undefined : t('siteScoped')} />
      <ListFrame pathname="/admin/audit" query={query} page={page} empty={{ title: t('empty') }}>
        <div className="rounded-lg border border-line">
          {/* On a phone the header hides and each row stacks into a card, so nothing scrolls sideways. */}
          <table className="block w-full text-left text-sm md:table" aria-label={t('title')}>
            <thead className="hidden md:table-header-group">
              <tr>
                {(['when', 'who', 'action', 'entity', 'changes'] as const).map((k) => (
                  <Th key={k}>{t(k)}</Th>
                ))}
              </tr>
            </thead>
            <tbody className="block md:table-row-group">
              {page.rows.map((e) => (
                <AuditEntry key={e.id} entry={e} />
              ))}
            </tbody>
          </table>
        </div>
      </ListFrame>
    </>
  );
}
