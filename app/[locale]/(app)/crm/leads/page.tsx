import { getFormatter, getTranslations } from 'next-intl/server';
import { FilterBar } from '@/components/list/filter-bar';
import { FilterSearch, FilterSelect } from '@/components/list/filters';
import { ListTable } from '@/components/list/list-table';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listLeads } from '@/db/queries/crm/leads';
import { isCrmAdmin } from '@/db/queries/crm/scope';
import { staffOptions } from '@/db/queries/crm/staff';
import { can } from '@/lib/auth/permissions';
import { canConvert, LEAD_STATUSES } from '@/lib/domain/crm/lead';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { leadListSchema } from '@/lib/validation/crm';
import { ConvertDialog } from './_components/convert-dialog';
import { PortalAccessDialog } from './_components/portal-access-dialog';
import { LeadDialog } from './_components/lead-dialog';
import { LeadStatusForm } from './_components/lead-status-form';

export const generateMetadata = pageTitle('leads');

const STATUS_TONE = { new: 'accent', contacted: 'muted', qualified: 'warn', converted: 'ok', lost: 'bad' } as const;

/** Prospective clients: the viewer's own (everyone's for owners and admins), open ones first. */
export default async function LeadsPage(props: ListPageProps) {
  const { actor, q, query } = await openListPage(props, 'crm:customer_view', leadListSchema);
  const db = await getDb();
  const canWrite = can(actor.role, 'crm:customer_management', 'FULL');
  const [page, staff, t, tc, format] = await Promise.all([
    listLeads(db, actor, { q: q.q, status: q.status }, q),
    canWrite && isCrmAdmin(actor) ? staffOptions(db, actor.orgId) : Promise.resolve(null),
    getTranslations('Crm.lead'),
    getTranslations('Common'),
    getFormatter(),
  ]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={canWrite ? <LeadDialog staff={staff} /> : null} />
      <FilterBar label={t('title')} query={query}>
        <FilterSearch label={tc('search')} value={q.q} placeholder={t('searchPlaceholder')} />
        <FilterSelect name="status" label={t('status')} value={q.status} options={LEAD_STATUSES.map((s) => ({ id: s, name: t(`statuses.${s}`) }))} />
      </FilterBar>
      <ListTable
        pathname="/crm/leads"
        query={query}
        page={page}
        empty={{ title: t('empty'), hint: canWrite ? t('emptyHint') : undefined }}
        emptyFiltered={{ title: t('emptyFiltered') }}
        label={t('title')}
        rowKey={(l) => l.id}
        card={(l) => (
          <div className="grid gap-1 text-sm">
            <div className="flex justify-between gap-2">
              <span className="font-medium">{l.name}</span>
              <Badge tone={STATUS_TONE[l.status]}>{t(`statuses.${l.status}`)}</Badge>
            </div>
            <span className="text-xs text-muted">
              {[l.company, l.email, t(`sources.${l.source}`)].filter(Boolean).join(' · ')}
            </span>
            {canWrite && canConvert(l.status) ? (
              <div className="flex flex-wrap items-center gap-2">
                <LeadStatusForm id={l.id} status={l.status} />
                <ConvertDialog lead={l} />
              </div>
            ) : null}
            {canWrite && l.status === 'converted' ? <PortalAccessDialog lead={l} /> : null}
          </div>
        )}
        columns={[
          {
            key: 'name',
            header: t('name'),
            cell: (l) => (
              <>
                {l.convertedCustomerId ? (
                  <Link href={`/crm/customers/${l.convertedCustomerId}`} className="font-medium text-accent hover:underline">
                    {l.name}
                  </Link>
                ) : (
                  <span className="font-medium">{l.name}</span>
                )}
                {l.company ? <span className="block text-xs text-muted">{l.company}</span> : null}
              </>
            ),
          },
          { key: 'email', header: t('email'), cellClassName: 'text-xs', cell: (l) => l.email ?? '—' },
          { key: 'source', header: t('source'), cell: (l) => t(`sources.${l.source}`) + (l.referredByName ? ` · ${l.referredByName}` : '') },
          { key: 'status', header: t('status'), cell: (l) => <Badge tone={STATUS_TONE[l.status]}>{t(`statuses.${l.status}`)}</Badge> },
          { key: 'owner', header: t('owner'), cell: (l) => l.ownerName ?? '—' },
          { key: 'created', header: t('createdAt'), cellClassName: 'text-xs whitespace-nowrap', cell: (l) => format.dateTime(l.createdAt, { dateStyle: 'medium' }) },
          canWrite && {
            key: 'actions',
            header: <span className="sr-only">{t('actions')}</span>,
            cell: (l) =>
              canConvert(l.status) ? (
                <div className="flex flex-wrap items-center gap-2">
                  <LeadStatusForm id={l.id} status={l.status} />
                  <ConvertDialog lead={l} />
                </div>
              ) : l.status === 'converted' ? (
                <PortalAccessDialog lead={l} />
              ) : null,
          },
        ]}
      />
    </>
  );
}
