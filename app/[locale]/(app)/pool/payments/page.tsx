import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { FilterBar } from '@/components/list/filter-bar';
import { FilterDate, FilterSelect } from '@/components/list/filters';
import { FigureCard } from '@/components/list/figure-card';
import { ListTable } from '@/components/list/list-table';
import { StatusTabs } from '@/components/list/status-tabs';
import { Card, StatCard } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listPoolAccounts } from '@/db/queries/pool/accounts';
import { listPayments, paymentsPerDay } from '@/db/queries/pool/payments';
import { seesWholePool } from '@/db/queries/pool/views';
import { requirePage } from '@/lib/auth/guard';
import { formatBtcFromSats } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { parseListPage, type SearchParams } from '@/lib/list/parse-list-page';
import { poolPaymentsPageSchema } from '@/lib/validation/pool';
import { TimeBars } from '../_components/bar-chart';
import { CustomerEarnings } from '../_components/customer-earnings';

export const generateMetadata = pageTitle('poolPayments');

const pathname = '/pool/payments';

/**
 * Payouts and daily earnings with totals under the filter and a per-day chart. Account money is for
 * org-wide roles; a site owner or client sees its customers' share of the daily earnings instead.
 */
export default async function PoolPaymentsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> }) {
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
  const { params: q, query } = parseListPage(poolPaymentsPageSchema, await searchParams);
  const db = await getDb();
  const filter = { kind: q.kind, accountId: q.account, from: q.from, to: q.to };
  const [f, page, perDay, accounts] = await Promise.all([getFormatter(), listPayments(db, actor.orgId, filter, q), paymentsPerDay(db, actor.orgId, filter, new Date()), listPoolAccounts(db, actor.orgId)]);
  return (
    <>
      <PageHeader title={t('paymentsPage.title')} subtitle={t('paymentsPage.subtitle')} />
      <StatusTabs pathname={pathname} query={query} param="kind" value={q.kind} tabs={[{ value: 'payout', label: t('payouts') }, { value: 'recv', label: t('earnings') }]} label={t('paymentsPage.kind')} />
      <FilterBar label={t('paymentsPage.title')} query={query} keep={['kind']}>
        <FilterSelect name="account" label={t('account')} value={q.account} all={t('links.allAccounts')} options={accounts.map((a) => ({ id: a.id, name: a.label }))} />
        <FilterDate name="from" label={t('paymentsPage.from')} value={q.from} />
        <FilterDate name="to" label={t('paymentsPage.to')} value={q.to} />
      </FilterBar>
      <div className="mb-4 grid grid-cols-2 gap-3">
        <StatCard label={t('paymentsPage.total')} value={formatBtcFromSats(page.totalSats, locale, { unit: false })} hint="BTC" />
        <StatCard label={t('paymentsPage.count')} value={page.total} />
      </div>
      <Card title={t('paymentsPage.perDay')} className="mb-4">
        <TimeBars points={perDay.map((d) => ({ x: d.day.slice(5), y: d.sats / 1e8 }))} name="BTC" unit="btc" emptyLabel={t('noData')} />
      </Card>
      <ListTable
        pathname={pathname}
        query={query}
        page={page}
        keep={['kind']}
        empty={{ title: t('noPayments'), hint: t('paymentsPage.emptyHint') }}
        label={t('paymentsPage.title')}
        rowKey={(r) => `${r.account}-${r.paidAt.toISOString()}`}
        columns={[
          { key: 'date', header: t('date'), cell: (r) => f.dateTime(r.paidAt, q.kind === 'recv' ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) },
          { key: 'btc', header: 'BTC', figure: true, cell: (r) => formatBtcFromSats(r.amountSats, locale, { unit: false }) },
          { key: 'account', header: t('account'), cell: (r) => r.account },
          q.kind === 'recv'
            ? { key: 'fees', header: t('paymentsPage.fees'), figure: true, cell: (r) => formatBtcFromSats(r.fppsFeeSats, locale, { unit: false }) }
            : { key: 'tx', header: t('paymentsPage.tx'), cellClassName: 'max-w-40 truncate font-mono text-xs', cell: (r) => <span title={r.txId ?? undefined}>{r.txId ? `${r.txId.slice(0, 10)}…` : '—'}</span> },
        ]}
        card={(r) => (
          <FigureCard
            title={f.dateTime(r.paidAt, q.kind === 'recv' ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })}
            figures={[
              { label: 'BTC', value: formatBtcFromSats(r.amountSats, locale, { unit: false }) },
              { label: t('account'), value: r.account },
              q.kind === 'recv'
                ? { label: t('paymentsPage.fees'), value: formatBtcFromSats(r.fppsFeeSats, locale, { unit: false }) }
                : { label: t('paymentsPage.tx'), value: <span className="font-mono">{r.txId ? `${r.txId.slice(0, 10)}…` : '—'}</span> },
            ]}
          />
        )}
      />
    </>
  );
}
