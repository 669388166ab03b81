import { getTranslations } from 'next-intl/server';
import { FilterBar } from '@/components/list/filter-bar';
import { FilterCheck, FilterSearch, FilterSelect } from '@/components/list/filters';
import { ListFrame } from '@/components/list/list-frame';
import { StatusTabs } from '@/components/list/status-tabs';
import { Card, StatCard } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listPoolAccounts } from '@/db/queries/pool/accounts';
import { openAlertCounts } from '@/db/queries/pool/alerts';
import { hashrateSeries, listPoolWorkers, poolOverview, poolVsMinerByAccount, seesWholePool } from '@/db/queries/pool/views';
import { can } from '@/lib/auth/permissions';
import { DEVIATION_WARN_PCT } from '@/lib/domain/pool/deviation';
import { formatBtcFromSats, formatDateTime, formatHashrate, formatNumber, formatPercent, thsFromHs } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { poolWorkersPageSchema } from '@/lib/validation/pool';
import { CompareCard } from './_components/compare-card';
import { HashrateChart } from './_components/hashrate-chart';
import { AlertsPanel, PaymentsPanel, UsagePanel } from './_components/pool-panels';
import { WorkerTable } from './_components/worker-table';

export const generateMetadata = pageTitle('pool');

const pathname = '/pool';

export default async function PoolPage(props: ListPageProps) {
  const { locale, actor, q, query } = await openListPage(props, 'pool:data', poolWorkersPageSchema);
  const db = await getDb();
  const whole = seesWholePool(actor.scope);
  const filter = { q: q.q, status: q.status, link: q.link, accountId: q.account, deviationOverPct: q.deviant ? DEVIATION_WARN_PCT : undefined, sort: q.sort, dir: q.dir };
  const [t, workers, overview, series, alerts, compare, accounts] = await Promise.all([
    getTranslations('Pool'),
    listPoolWorkers(db, actor.scope, filter, q),
    whole ? poolOverview(db, actor.orgId) : null,
    whole ? hashrateSeries(db, actor.orgId, q.range, new Date()) : [],
    whole ? openAlertCounts(db, actor.orgId) : {},
    whole ? poolVsMinerByAccount(db, actor.orgId) : [],
    whole ? listPoolAccounts(db, actor.orgId) : [],
  ]);
  const canLink = can(actor.role, 'pool:links', 'FULL');
  const openTotal = Object.values(alerts as Record<string, number>).reduce((s, n) => s + n, 0);

  return (
    <>
      <PageHeader title={t('title')} subtitle={overview?.at ? t('updated', { at: formatDateTime(overview.at, locale, 'UTC', { zone: true }) }) : undefined} />
      {whole ? (
        <>
          <div className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-5">
            <StatCard label={t('balance')} value={formatBtcFromSats(overview?.balance, locale, { unit: false })} hint="BTC" />
            <StatCard label={t('earned24h')} value={formatBtcFromSats(overview?.earn24h, locale, { unit: false })} hint="BTC" />
            <StatCard label={t('hashrate10m')} value={formatHashrate(thsFromHs(overview?.hs10m), locale)} hint={overview?.hs1d ? `24 h ${formatHashrate(thsFromHs(overview.hs1d), locale)}` : undefined} />
            <StatCard label={t('activeWorkers')} value={overview?.total ? `${formatNumber(overview.active, locale)} / ${formatNumber(overview.total, locale)}` : '—'} />
            <StatCard label={t('openAlerts')} value={openTotal} tone={openTotal ? 'warn' : 'ok'} />
          </div>
          <Card title={t('hashrateChart')} className="mb-4">
            <StatusTabs pathname={pathname} query={query} param="range" value={q.range} tabs={(['10m', '1h', '1d'] as const).map((r) => ({ value: r, label: t(`rangeLabel.${r}`) }))} label={t('range')} />
            <HashrateChart points={series} range={q.range} name={t('hashrateChart')} emptyLabel={t('noData')} />
          </Card>
          <div className="mb-4">
            <CompareCard rows={compare.filter((r) => r.workers > 0)} />
          </div>
          <div className="mb-4 grid gap-4 lg:grid-cols-2">
            <AlertsPanel db={db} scope={actor.scope} />
            <UsagePanel db={db} orgId={actor.orgId} />
          </div>
          <div className="mb-4">
            <PaymentsPanel db={db} orgId={actor.orgId} />
          </div>
        </>
      ) : null}
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">{t('workers')}</h2>
        {can(actor.role, 'pool:links') ? (
          <Link href="/pool/links" className="text-sm text-accent hover:underline">
            {t('fixMismatches')}
          </Link>
        ) : null}
      </div>
      <FilterBar label={t('workers')} query={query} keep={['range']}>
        <FilterSearch label={t('searchWorker')} value={q.q} placeholder={t('searchWorker')} />
        <FilterSelect name="status" label={t('status')} value={q.status} all={t('allStatuses')} options={(['online', 'offline'] as const).map((s) => ({ id: s, name: t(`workerStatus.${s}`) }))} />
        <FilterSelect name="link" label={t('miner')} value={q.link} all={t('allLinks')} options={[{ id: 'linked', name: t('linked') }, { id: 'unlinked', name: t('unlinked') }]} />
        {accounts.length ? <FilterSelect name="account" label={t('account')} value={q.account} all={t('links.allAccounts')} options={accounts.filter((a) => a.isLeaf).map((a) => ({ id: a.id, name: a.label }))} /> : null}
        <FilterCheck name="deviant" label={t('onlyDeviant', { pct: formatPercent(DEVIATION_WARN_PCT, locale, { digits: 0 }) })} checked={q.deviant} />
      </FilterBar>
      <ListFrame pathname={pathname} query={query} page={workers} keep={['range']} empty={{ title: t('noWorkers'), hint: t('noWorkersHint') }}>
        <WorkerTable rows={workers.rows} sort={{ pathname, query, sort: q.sort, dir: q.dir }} canLink={canLink} />
      </ListFrame>
    </>
  );
}
