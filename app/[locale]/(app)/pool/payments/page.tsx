import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, StatCard } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listPoolAccounts } from '@/db/queries/pool-accounts';
import { listPayments, paymentsPerDay } from '@/db/queries/pool-payments';
import { seesWholePool } from '@/db/queries/pool-views';
import { requirePage } from '@/lib/auth/guard';
import { formatBtcFromSats } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { parsePaymentsPage } from '@/lib/validation/pool';
import { TimeBars } from '../_components/bar-chart';
import { CustomerEarnings } from '../_components/customer-earnings';

export const metadata: Metadata = { title: 'Pool payments' };

/**
 * Payouts and daily earnings with totals under the filter and a per-day chart. Account money is for
 * org-wide roles; a site owner or client sees its customers' share of the daily earnings instead.
 */
export default async function PoolPaymentsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'pool:data');
  const t = await getTranslations('Pool');
  if (!seesWholePool(actor.scope)) {
    return (
      <>
        <PageHeader title={t('paymentsPage.title')} subtitle={t('paymentsPage.customerSubtitle')} />
        <CustomerEarnings scope={actor.scope} now={new Date().getTime()} />
      </>
    );
  }
  const q = parsePaymentsPage(await searchParams);
  const db = await getDb();
  const filter = { kind: q.kind, accountId: q.account, from: q.from, to: q.to };
  const [f, page, perDay, accounts] = await Promise.all([getFormatter(), listPayments(db, actor.orgId, filter, { page: q.page, pageSize: q.pageSize }), paymentsPerDay(db, actor.orgId, filter, new Date()), listPoolAccounts(db, actor.orgId)]);
  const query = Object.fromEntries(Object.entries({ kind: q.kind, account: q.account, from: q.from, to: q.to }).filter(([, v]) => v)) as Record<string, string>;
  return (
    <>
      <PageHeader title={t('paymentsPage.title')} subtitle={t('paymentsPage.subtitle')} />
      <nav className="mb-3 flex gap-1" aria-label={t('paymentsPage.kind')}>
        {(['payout', 'recv'] as const).map((k) => (
          <Link key={k} href={{ pathname: '/pool/payments', query: { ...query, kind: k, page: undefined } }} aria-current={q.kind === k ? 'page' : undefined} className={`rounded-full border px-3 py-1 text-sm ${q.kind === k ? 'border-accent text-accent' : 'border-line text-muted'}`}>
            {k === 'payout' ? t('payouts') : t('earnings')}
          </Link>
        ))}
      </nav>
      <form className="mb-4 flex flex-wrap items-end gap-2" action="" method="get">
        <input type="hidden" name="kind" value={q.kind} />
        <select name="account" defaultValue={q.account ?? ''} aria-label={t('account')} className="rounded-md border border-line bg-surface px-2 py-1.5 text-sm">
          <option value="">{t('links.allAccounts')}</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
        <label className="flex items-center gap-1 text-sm text-muted">
          {t('paymentsPage.from')}
          <input type="date" name="from" defaultValue={q.from ?? ''} className="rounded-md border border-line bg-surface px-2 py-1 text-sm text-ink" />
        </label>
        <label className="flex items-center gap-1 text-sm text-muted">
          {t('paymentsPage.to')}
          <input type="date" name="to" defaultValue={q.to ?? ''} className="rounded-md border border-line bg-surface px-2 py-1 text-sm text-ink" />
        </label>
        <button type="submit" className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-surface-2">
          {t('filter')}
        </button>
      </form>
      <div className="mb-4 grid grid-cols-2 gap-3">
        <StatCard label={t('paymentsPage.total')} value={formatBtcFromSats(page.totalSats, locale, { unit: false })} hint="BTC" />
        <StatCard label={t('paymentsPage.count')} value={page.total} />
      </div>
      <Card title={t('paymentsPage.perDay')} className="mb-4">
        <TimeBars points={perDay.map((d) => ({ x: d.day.slice(5), y: d.sats / 1e8 }))} name="BTC" unit="btc" emptyLabel={t('noData')} />
      </Card>
      {page.rows.length === 0 ? (
        <EmptyState title={t('noPayments')} hint={t('paymentsPage.emptyHint')} />
      ) : (
        <>
          <Table label={t('paymentsPage.title')}>
            <thead>
              <tr>
                <Th>{t('date')}</Th>
                <Th className="text-right">BTC</Th>
                <Th>{t('account')}</Th>
                {q.kind === 'recv' ? <Th className="text-right">{t('paymentsPage.fees')}</Th> : <Th>{t('paymentsPage.tx')}</Th>}
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={`${r.account}-${r.paidAt.toISOString()}`}>
                  <Td>{f.dateTime(r.paidAt, q.kind === 'recv' ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })}</Td>
                  <Td className="text-right tabular-nums">{formatBtcFromSats(r.amountSats, locale, { unit: false })}</Td>
                  <Td>{r.account}</Td>
                  {q.kind === 'recv' ? <Td className="text-right tabular-nums">{formatBtcFromSats(r.fppsFeeSats, locale, { unit: false })}</Td> : <Td className="max-w-40 truncate font-mono text-xs" title={r.txId ?? undefined}>{r.txId ? `${r.txId.slice(0, 10)}…` : '—'}</Td>}
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination pathname="/pool/payments" query={query} page={page.page} pageCount={page.pageCount} total={page.total} />
        </>
      )}
    </>
  );
}
