import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { StatCard } from '@/components/ui/card';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { getDb } from '@/db';
import { openAlertCounts } from '@/db/queries/pool-alerts';
import { listPoolAccounts } from '@/db/queries/pool-accounts';
import { hashrateSeries, listPoolWorkers, poolOverview, poolVsMinerByAccount, seesWholePool } from '@/db/queries/pool-views';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { DEVIATION_WARN_PCT } from '@/lib/domain/pool/deviation';
import { formatBtcFromSats, formatDateTime, formatHashrate, formatNumber, formatPercent, thsFromHs } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { parsePoolPage } from '@/lib/validation/pool';
import { CompareCard } from './_components/compare-card';
import { HashrateChart } from './_components/hashrate-chart';
import { AlertsPanel, PaymentsPanel, UsagePanel } from './_components/pool-panels';
import { WorkerTable } from './_components/worker-table';

export const metadata: Metadata = { title: 'Pool' };

export default async function PoolPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'pool:data');
  const q = parsePoolPage(await searchParams);
  const db = await getDb();
  const whole = seesWholePool(actor.scope);
  const filter = { q: q.q, status: q.status, link: q.link, accountId: q.account, deviationOverPct: q.deviant ? DEVIATION_WARN_PCT : undefined, sort: q.sort, dir: q.dir };
  const [t, workers, overview, series, alerts, compare, accounts] = await Promise.all([
    getTranslations('Pool'),
    listPoolWorkers(db, actor.scope, filter, { page: q.page, pageSize: q.pageSize }),
    whole ? poolOverview(db, actor.orgId) : null,
    whole ? hashrateSeries(db, actor.orgId, q.range, new Date()) : [],
    whole ? openAlertCounts(db, actor.orgId) : {},
    whole ? poolVsMinerByAccount(db, actor.orgId) : [],
    whole ? listPoolAccounts(db, actor.orgId) : [],
  ]);
  const canLink = can(actor.role, 'pool:links', 'FULL');
  const filters = { q: q.q, status: q.status, link: q.link, account: q.account, deviant: q.deviant ? '1' : undefined, range: q.range };
  const query = Object.fromEntries(Object.entries({ ...filters, sort: q.sort === 'name' ? undefined : q.sort, dir: q.dir === 'asc' ? undefined : q.dir }).filter(([, v]) => v)) as Record<string, string>;
  const sortQuery = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
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
            <nav className="mb-2 flex gap-1" aria-label={t('range')}>
              {(['10m', '1h', '1d'] as const).map((r) => (
                <Link key={r} href={{ pathname: '/pool', query: { ...query, range: r } }} aria-current={q.range === r ? 'page' : undefined} className={`rounded-full border px-3 py-1 text-sm ${q.range === r ? 'border-accent text-accent' : 'border-line text-muted'}`}>
                  {t(`rangeLabel.${r}`)}
                </Link>
              ))}
            </nav>
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
      <form className="mb-3 flex flex-wrap gap-2" action="" method="get">
        <input name="q" defaultValue={q.q ?? ''} placeholder={t('searchWorker')} aria-label={t('searchWorker')} className="rounded-md border border-line bg-surface px-3 py-1.5 text-sm" />
        <select name="status" defaultValue={q.status ?? ''} aria-label={t('status')} className="rounded-md border border-line bg-surface px-2 py-1.5 text-sm">
          <option value="">{t('allStatuses')}</option>
          <option value="online">{t('workerStatus.online')}</option>
          <option value="offline">{t('workerStatus.offline')}</option>
        </select>
        <select name="link" defaultValue={q.link ?? ''} aria-label={t('miner')} className="rounded-md border border-line bg-surface px-2 py-1.5 text-sm">
          <option value="">{t('allLinks')}</option>
          <option value="linked">{t('linked')}</option>
          <option value="unlinked">{t('unlinked')}</option>
        </select>
        {accounts.length ? (
          <select name="account" defaultValue={q.account ?? ''} aria-label={t('account')} className="rounded-md border border-line bg-surface px-2 py-1.5 text-sm">
            <option value="">{t('links.allAccounts')}</option>
            {accounts
              .filter((a) => a.isLeaf)
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                </option>
              ))}
          </select>
        ) : null}
        <label className="flex items-center gap-1.5 rounded-md border border-line px-2 py-1.5 text-sm">
          <input type="checkbox" name="deviant" value="1" defaultChecked={q.deviant} />
          {t('onlyDeviant', { pct: formatPercent(DEVIATION_WARN_PCT, locale, { digits: 0 }) })}
        </label>
        <input type="hidden" name="range" value={q.range} />
        {q.sort !== 'name' ? <input type="hidden" name="sort" value={q.sort} /> : null}
        {q.dir !== 'asc' ? <input type="hidden" name="dir" value={q.dir} /> : null}
        <button type="submit" className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-surface-2">{t('filter')}</button>
      </form>
      {workers.rows.length === 0 ? (
        <EmptyState title={t('noWorkers')} hint={t('noWorkersHint')} />
      ) : (
        <>
          <WorkerTable rows={workers.rows} query={sortQuery} sort={q.sort} dir={q.dir} canLink={canLink} />
          <Pagination pathname="/pool" query={query} page={workers.page} pageCount={workers.pageCount} total={workers.total} />
        </>
      )}
    </>
  );
}
