import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, StatCard } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { apiUsage, latestRuns, listCalls } from '@/db/queries/pool-runs';
import { requirePage } from '@/lib/auth/guard';
import { formatDuration, formatPercent } from '@/lib/format';
import { ANTPOOL_LIMIT, PLANNED_LIMIT } from '@/lib/integrations/antpool/budget';
import { defaultBudget } from '@/lib/integrations/antpool/factory';
import { TimeBars } from '../_components/bar-chart';

export const metadata: Metadata = { title: 'Pool API usage' };

/**
 * Requests to Antpool against the shared budget: now, per 10 minutes over the last day (with the
 * planned 85 % and Antpool's 600 as lines), the tier runs, and this organization's request log.
 * Org-wide roles only (module pool:usage): the budget is the whole installation's.
 */
export default async function PoolUsagePage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'pool:usage');
  const t = await getTranslations('Pool');
  const sp = await searchParams;
  const errorsOnly = sp.errors === '1';
  const pageNo = Math.max(1, Number.parseInt(typeof sp.page === 'string' ? sp.page : '1', 10) || 1);
  const db = await getDb();
  const now = new Date();
  const [f, used, series, runs, calls] = await Promise.all([getFormatter(), defaultBudget(db).used(now), apiUsage(db, now, 24), latestRuns(db, actor.orgId, 12), listCalls(db, actor.orgId, { errorsOnly }, { page: pageNo, pageSize: 50 })]);
  const share = Math.round((used / ANTPOOL_LIMIT) * 100);
  const query = errorsOnly ? { errors: '1' } : {};
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
          <Table label={t('usagePage.runs')}>
            <thead>
              <tr>
                <Th>{t('usagePage.tier')}</Th>
                <Th>{t('usagePage.started')}</Th>
                <Th className="text-right">{t('usagePage.requests')}</Th>
                <Th className="text-right">{t('usagePage.accounts')}</Th>
                <Th className="text-right">{t('usagePage.duration')}</Th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id}>
                  <Td>{r.tier}</Td>
                  <Td className="text-xs">{f.dateTime(r.startedAt, { dateStyle: 'short', timeStyle: 'medium', timeZone: 'UTC' })}</Td>
                  <Td className="text-right tabular-nums">{r.calls}</Td>
                  <Td className={`text-right tabular-nums ${r.accountsFailed ? 'text-bad' : ''}`}>
                    {r.accountsOk} / {r.accountsOk + r.accountsFailed}
                  </Td>
                  <Td className="text-right tabular-nums">{formatDuration((r.finishedAt.getTime() - r.startedAt.getTime()) / 1000, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{t('usagePage.log')}</h2>
        <form action="" method="get" className="flex items-center gap-2 text-sm">
          <label className="flex items-center gap-1.5">
            <input type="checkbox" name="errors" value="1" defaultChecked={errorsOnly} />
            {t('usagePage.errorsOnly')}
          </label>
          <button type="submit" className="rounded-md border border-line px-3 py-1 hover:bg-surface-2">
            {t('filter')}
          </button>
        </form>
      </div>
      {calls.rows.length === 0 ? (
        <EmptyState title={t('usagePage.noCalls')} />
      ) : (
        <>
          <Table label={t('usagePage.log')}>
            <thead>
              <tr>
                <Th>{t('usagePage.started')}</Th>
                <Th>{t('usagePage.endpoint')}</Th>
                <Th>{t('status')}</Th>
                <Th className="text-right">ms</Th>
                <Th className="text-right">{t('usagePage.left')}</Th>
                <Th>{t('usagePage.error')}</Th>
              </tr>
            </thead>
            <tbody>
              {calls.rows.map((c) => (
                <tr key={c.id}>
                  <Td className="text-xs">{f.dateTime(c.startedAt, { timeStyle: 'medium', dateStyle: 'short', timeZone: 'UTC' })}</Td>
                  <Td className="font-mono text-xs">
                    {c.endpoint}
                    {c.attempt > 1 ? <span className="text-muted"> #{c.attempt}</span> : null}
                  </Td>
                  <Td>
                    <Badge tone={c.status === 'ok' ? 'ok' : c.status === 'error' ? 'bad' : 'muted'}>{c.status}</Badge>
                  </Td>
                  <Td className="text-right tabular-nums">{c.ms ?? '—'}</Td>
                  <Td className="text-right tabular-nums">{c.budgetLeft ?? '—'}</Td>
                  <Td className="max-w-64 truncate text-xs text-muted" title={c.error ?? undefined}>
                    {c.error ?? ''}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination pathname="/pool/usage" query={query} page={calls.page} pageCount={calls.pageCount} total={calls.total} />
        </>
      )}
    </>
  );
}
