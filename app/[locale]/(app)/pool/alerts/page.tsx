import { getFormatter, getTranslations } from 'next-intl/server';
import { FilterBar } from '@/components/list/filter-bar';
import { FilterSearch, FilterSelect } from '@/components/list/filters';
import { ListTable } from '@/components/list/list-table';
import { Badge } from '@/components/ui/badge';
import { StatCard } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { alertSummary, listAlerts } from '@/db/queries/pool/alerts';
import { formatDuration } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { POOL_ALERT_KINDS, poolAlertsPageSchema } from '@/lib/validation/pool';

export const generateMetadata = pageTitle('poolAlerts');

/** Pool alerts with their state and how long they lasted; a scoped role sees its linked workers' only. */
export default async function PoolAlertsPage(props: ListPageProps) {
  const { locale, actor, q, query } = await openListPage(props, 'pool:data', poolAlertsPageSchema);
  const db = await getDb();
  const [t, f, page, summary] = await Promise.all([getTranslations('Pool'), getFormatter(), listAlerts(db, actor.scope, { state: q.state, kind: q.kind, q: q.q }, q), alertSummary(db, actor.scope, new Date())]);
  const when = (d: Date) => f.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return (
    <>
      <PageHeader title={t('alertsPage.title')} subtitle={t('alertsPage.subtitle')} />
      <div className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-3">
        <StatCard label={t('openAlerts')} value={summary.open} tone={summary.open ? 'warn' : 'ok'} />
        <StatCard label={t('alertsPage.resolved7d')} value={summary.resolved7d} />
        <StatCard label={t('alertsPage.medianResolve')} value={summary.medianMinutes === null ? '—' : formatDuration(summary.medianMinutes * 60, locale)} />
      </div>
      <FilterBar label={t('alertsPage.title')} query={query}>
        <FilterSelect name="state" label={t('status')} value={q.state} all={false} options={(['open', 'resolved', 'all'] as const).map((s) => ({ id: s, name: t(`alertsPage.state.${s}`) }))} />
        <FilterSelect name="kind" label={t('alertsPage.kind')} value={q.kind} all={t('alertsPage.allKinds')} options={POOL_ALERT_KINDS.map((k) => ({ id: k, name: t(`alertKind.${k}`) }))} />
        <FilterSearch label={t('searchWorker')} value={q.q} placeholder={t('searchWorker')} />
      </FilterBar>
      <ListTable
        pathname="/pool/alerts"
        query={query}
        page={page}
        empty={{ title: t('alertsPage.empty'), hint: t('alertsPage.emptyHint') }}
        label={t('alertsPage.title')}
        rowKey={(a) => a.id}
        columns={[
          { key: 'kind', header: t('alertsPage.kind'), cell: (a) => <Badge tone={a.resolvedAt ? 'muted' : a.kind === 'low_hashrate' || a.kind === 'budget_warning' ? 'warn' : 'bad'}>{t(`alertKind.${a.kind}`)}</Badge> },
          { key: 'subject', header: t('alertsPage.subject'), cellClassName: 'font-mono text-xs', cell: (a) => a.subject },
          { key: 'account', header: t('account'), cell: (a) => a.account ?? '—' },
          { key: 'opened', header: t('alertsPage.opened'), cellClassName: 'text-xs', cell: (a) => when(a.openedAt) },
          { key: 'resolved', header: t('alertsPage.resolvedAt'), cellClassName: 'text-xs', cell: (a) => (a.resolvedAt ? when(a.resolvedAt) : <Badge tone="warn">{t('alertsPage.state.open')}</Badge>) },
          { key: 'lasted', header: t('alertsPage.lasted'), figure: true, cell: (a) => formatDuration(a.minutes * 60, locale) },
        ]}
      />
    </>
  );
}
