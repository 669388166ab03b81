import { getTranslations } from 'next-intl/server';
import { ListFrame } from '@/components/list/list-frame';
import { PageHeader } from '@/components/ui/page-header';
import { Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { billingCustomerOptions } from '@/db/queries/billing/contracts';
import { listReportRuns } from '@/db/queries/reports/runs';
import { can } from '@/lib/auth/permissions';
import { type ReportFormat, REPORT_KINDS } from '@/lib/domain/reports/model';
import { pageTitle } from '@/lib/i18n/page-title';
import { pagedListSchema } from '@/lib/list/list-fields';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { CLIENT_REPORT_KINDS } from '@/lib/reports/build';
import { isOrgWide } from '@/lib/core/scope';
import { RefreshWhileRunning } from './_components/refresh-while-running';
import { ReportRequestForm } from './_components/report-request-form';
import { ReportRunRow } from './_components/report-run-row';

export const generateMetadata = pageTitle('reports');

const FORMAT_MODULE = { pdf: 'report:pdf', xlsx: 'report:excel', pptx: 'report:ppt' } as const;

/** Ask for a report (built by the reports job, progress shown) and download it: the history is the asker's own, an owner's the organization's. */
export default async function ReportsPage(props: ListPageProps) {
  const { actor, q, query } = await openListPage(props, 'report:pdf', pagedListSchema(25));
  const db = await getDb();
  const viewer = { orgId: actor.orgId, userId: actor.userId, scope: actor.scope };
  const client = actor.scope.customers !== 'all';
  const [page, customers, t] = await Promise.all([listReportRuns(db, viewer, q), billingCustomerOptions(db, actor.scope), getTranslations('Reports')]);
  // The treasury report reads the live ledger: owners and admins only (getTreasuryPosition's rule).
  const kinds = client ? CLIENT_REPORT_KINDS : REPORT_KINDS.filter((k) => k !== 'treasury' || isOrgWide(actor.scope));
  const formats = (Object.keys(FORMAT_MODULE) as ReportFormat[]).filter((f) => can(actor.role, FORMAT_MODULE[f], 'READ'));
  const running = page.rows.some((r) => r.status === 'queued' || r.status === 'running');
  return (
    <>
      <PageHeader title={t('navTitle')} subtitle={t('subtitle')} />
      <ReportRequestForm kinds={[...kinds]} formats={formats} customers={client ? [] : customers} />
      <RefreshWhileRunning active={running} />
      <h2 className="mb-2 mt-8 text-lg font-semibold text-ink">{t('history')}</h2>
      <ListFrame pathname="/reports" query={query} page={page} empty={{ title: t('empty') }}>
        <div className="rounded-lg border border-line">
          <table className="block w-full text-left text-sm md:table" aria-label={t('history')}>
            <thead className="hidden md:table-header-group">
              <tr>
                {(['asked', 'report', 'period', 'status', 'file'] as const).map((k) => (
                  <Th key={k}>{t(`list.${k}`)}</Th>
                ))}
              </tr>
            </thead>
            <tbody className="block md:table-row-group">
              {page.rows.map((r) => (
                <ReportRunRow key={r.id} run={r} timeZone="UTC" />
              ))}
            </tbody>
          </table>
        </div>
      </ListFrame>
    </>
  );
}
