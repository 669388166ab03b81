import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { StatCard } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { alertSummary, listAlerts } from '@/db/queries/pool-alerts';
import { requirePage } from '@/lib/auth/guard';
import { formatDuration } from '@/lib/format';
import { parseAlertsPage } from '@/lib/validation/pool';

export const metadata: Metadata = { title: 'Pool alerts' };

const KINDS = ['worker_offline', 'low_hashrate', 'api_failure', 'budget_warning'] as const;

/** Pool alerts with their state and how long they lasted; a scoped role sees its linked workers' only. */
export default async function PoolAlertsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'pool:data');
  const q = parseAlertsPage(await searchParams);
  const db = await getDb();
  const [t, f, page, summary] = await Promise.all([
    getTranslations('Pool'),
    getFormatter(),
    listAlerts(db, actor.scope, { state: q.state, kind: q.kind, q: q.q }, { page: q.page, pageSize: q.pageSize }),
    alertSummary(db, actor.scope, new Date()),
  ]);
  const query = Object.fromEntries(Object.entries({ state: q.state, kind: q.kind, q: q.q }).filter(([, v]) => v)) as Record<string, string>;
  const when = (d: Date) => f.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return (
    <>
      <PageHeader title={t('alertsPage.title')} subtitle={t('alertsPage.subtitle')} />
      <div className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-3">
        <StatCard label={t('openAlerts')} value={summary.open} tone={summary.open ? 'warn' : 'ok'} />
        <StatCard label={t('alertsPage.resolved7d')} value={summary.resolved7d} />
        <StatCard label={t('alertsPage.medianResolve')} value={summary.medianMinutes === null ? '—' : formatDuration(summary.medianMinutes * 60, locale)} />
      </div>
      <form className="mb-3 flex flex-wrap gap-2" action="" method="get">
        <select name="state" defaultValue={q.state} aria-label={t('status')} className="rounded-md border border-line bg-surface px-2 py-1.5 text-sm">
          {(['open', 'resolved', 'all'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`alertsPage.state.${s}`)}
            </option>
          ))}
        </select>
        <select name="kind" defaultValue={q.kind ?? ''} aria-label={t('alertsPage.kind')} className="rounded-md border border-line bg-surface px-2 py-1.5 text-sm">
          <option value="">{t('alertsPage.allKinds')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`alertKind.${k}`)}
            </option>
          ))}
        </select>
        <input name="q" defaultValue={q.q ?? ''} placeholder={t('searchWorker')} aria-label={t('searchWorker')} className="rounded-md border border-line bg-surface px-3 py-1.5 text-sm" />
        <button type="submit" className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-surface-2">
          {t('filter')}
        </button>
      </form>
      {page.rows.length === 0 ? (
        <EmptyState title={t('alertsPage.empty')} hint={t('alertsPage.emptyHint')} />
      ) : (
        <>
          <Table label={t('alertsPage.title')}>
            <thead>
              <tr>
                <Th>{t('alertsPage.kind')}</Th>
                <Th>{t('alertsPage.subject')}</Th>
                <Th>{t('account')}</Th>
                <Th>{t('alertsPage.opened')}</Th>
                <Th>{t('alertsPage.resolvedAt')}</Th>
                <Th className="text-right">{t('alertsPage.lasted')}</Th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((a) => (
                <tr key={a.id}>
                  <Td>
                    <Badge tone={a.resolvedAt ? 'muted' : a.kind === 'low_hashrate' || a.kind === 'budget_warning' ? 'warn' : 'bad'}>{t(`alertKind.${a.kind}`)}</Badge>
                  </Td>
                  <Td className="font-mono text-xs">{a.subject}</Td>
                  <Td>{a.account ?? '—'}</Td>
                  <Td className="text-xs">{when(a.openedAt)}</Td>
                  <Td className="text-xs">{a.resolvedAt ? when(a.resolvedAt) : <Badge tone="warn">{t('alertsPage.state.open')}</Badge>}</Td>
                  <Td className="text-right tabular-nums">{formatDuration(a.minutes * 60, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination pathname="/pool/alerts" query={query} page={page.page} pageCount={page.pageCount} total={page.total} />
        </>
      )}
    </>
  );
}
