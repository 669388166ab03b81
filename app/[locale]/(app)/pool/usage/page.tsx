import { getFormatter, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/list/data-table';
import { FilterBar } from '@/components/list/filter-bar';
import { FilterCheck } from '@/components/list/filters';
import { ListTable } from '@/components/list/list-table';
import { Badge } from '@/components/ui/badge';
import { Card, StatCard } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { apiUsage, latestRuns, listCalls } from '@/db/queries/pool/runs';
import { formatDuration, formatPercent } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { ANTPOOL_LIMIT, PLANNED_LIMIT } from '@/lib/integrations/antpool/budget';
import { defaultBudget } from '@/lib/integrations/antpool/factory';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { poolUsagePageSchema } from '@/lib/validation/pool';
import { TimeBars } from '../_components/bar-chart';

export const generateMetadata = pageTitle('poolUsage');

/**
 * Requests to Antpool against the shared budget: now, per 10 minutes over the last day (with the
 * planned 85 % and Antpool's 600 as lines), the tier runs, and this organization's request log.
 * Org-wide roles only (module pool:usage): the budget is the whole installation's.
 */
export default async function PoolUsagePage(props: ListPageProps) {
  const { locale, actor, q, query } = await openListPage(props, 'pool:usage', poolUsagePageSchema);
  const t = await getTranslations('Pool');
  const db = await getDb();
  const now = new Date();
  const [f, used, series, runs, calls] = await Promise.all([getFormatter(), defaultBudget(db).used(now), apiUsage(db, now, 24), latestRuns(db, actor.orgId, 12), listCalls(db, actor.orgId, { errorsOnly: q.errors }, q)]);
  const share = Math.round((used / ANTPOOL_LIMIT) * 100);
  const when = (d: Date) => f.dateTime(d, { dateStyle: 'short', timeStyle: 'medium', timeZone: 'UTC' });
  return (
    <>
      <PageHeader title={t('apiUsage')} subtitle={t('usagePage.subtitle')} />
      <div className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-3">
        <StatCard label={t('usagePage.last10')} value={`${used} / ${ANTPOOL_LIMIT}`} hint={t('usagePage.share', { pct: formatPercent(share, locale, { digits: 0 }) })} tone={used >= PLANNED_LIMIT ? 'bad' : used >= PLANNED_LIMIT * 0.8 ? 'warn' : 'ok'} />
        <StatCard label={t('usagePage.planned')} value={PLANNED_LIMIT} hint={t('usagePage.plannedHint')} />
        <StatCard label={t('usagePage.calls24h')} value={series.reduce((s, b) => s + b.calls, 0)} hint={t('usagePage.errors', { n: series.reduce((s, b) => s + b.errors, 0) })} />
      </div>
      <Card title={t('usagePage.chart')} className="mb-4">
        <TimeBars
          points={series.map((b) => ({ x: b.bucket.slice(11, 16), y: b.calls }))}
          name={t('usagePage.requests')}
          emptyLabel={t('noData')}
          lines={[
            { y: PLANNED_LIMIT, label: `${PLANNED_LIMIT} (85 %)`, color: '#e0b341' },
            { y: ANTPOOL_LIMIT, label: String(ANTPOOL_LIMIT), color: '#e5484d' },
          ]}
        />
      </Card>
      <Card title={t('usagePage.runs')} className="mb-4">
        {runs.length === 0 ? (
          <p className="text-sm text-muted">{t('noRuns')}</p>
        ) : (
          <DataTable
            label={t('usagePage.runs')}
            rows={runs}
            rowKey={(r) => r.id}
            columns={[
              { key: 'tier', header: t('usagePage.tier'), cell: (r) => r.tier },
              { key: 'started', header: t('usagePage.started'), cellClassName: 'text-xs', cell: (r) => when(r.startedAt) },
              { key: 'requests', header: t('usagePage.requests'), figure: true, cell: (r) => r.calls },
              { key: 'accounts', header: t('usagePage.accounts'), figure: true, cellClassName: (r) => `${r.accountsFailed ? 'text-bad' : ''}`, cell: (r) => `${r.accountsOk} / ${r.accountsOk + r.accountsFailed}` },
              { key: 'duration', header: t('usagePage.duration'), figure: true, cell: (r) => formatDuration((r.finishedAt.getTime() - r.startedAt.getTime()) / 1000, locale) },
            ]}
          />
        )}
      </Card>
      <h2 className="mb-2 text-lg font-semibold">{t('usagePage.log')}</h2>
      <FilterBar label={t('usagePage.log')} query={query}>
        <FilterCheck name="errors" label={t('usagePage.errorsOnly')} checked={q.errors} />
      </FilterBar>
      <ListTable
        pathname="/pool/usage"
        query={query}
        page={calls}
        empty={{ title: t('usagePage.noCalls') }}
        label={t('usagePage.log')}
        rowKey={(c) => String(c.id)}
        columns={[
          { key: 'started', header: t('usagePage.started'), cellClassName: 'text-xs', cell: (c) => when(c.startedAt) },
          {
            key: 'endpoint',
            header: t('usagePage.endpoint'),
            cellClassName: 'font-mono text-xs',
            cell: (c) => (
              <>
                {c.endpoint}
                {c.attempt > 1 ? <span className="text-muted"> #{c.attempt}</span> : null}
              </>
            ),
          },
          { key: 'status', header: t('status'), cell: (c) => <Badge tone={c.status === 'ok' ? 'ok' : c.status === 'error' ? 'bad' : 'muted'}>{c.status}</Badge> },
          { key: 'ms', header: 'ms', figure: true, cell: (c) => c.ms ?? '—' },
          { key: 'left', header: t('usagePage.left'), figure: true, cell: (c) => c.budgetLeft ?? '—' },
          { key: 'error', header: t('usagePage.error'), cellClassName: 'max-w-64 truncate text-xs text-muted', cell: (c) => <span title={c.error ?? undefined}>{c.error ?? ''}</span> },
        ]}
      />
    </>
  );
}
