import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { InvoiceStatusBadge } from '@/components/billing/invoice-status-badge';
import { PaymentDialog } from '@/components/billing/payment-form';
import { DepositAddressDialog, RemoveDepositAddressButton } from '@/components/billing/deposit-address-dialog';
import { DepositAddresses } from '@/components/billing/deposit-addresses';
import { SlaCreditList } from '@/components/billing/sla-credit-list';
import { Card, StatCard } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { customerBalance, listBalanceEntries } from '@/db/queries/billing/balance';
import { listContracts } from '@/db/queries/billing/contracts';
import { listDepositAddresses } from '@/db/queries/billing/deposit-addresses';
import { contractFormOptions, contractOptions, slaCreditsOf } from '@/db/queries/billing/customer-billing';
import { listInvoices } from '@/db/queries/billing/invoices';
import { customerInScope } from '@/db/queries/billing/scope';
import { can } from '@/lib/auth/permissions';
import { AppError } from '@/lib/core/errors';
import { isOrgWide } from '@/lib/core/scope';
import { amountDue } from '@/lib/domain/billing/invoice';
import { formatDate, formatNumber, formatPercent, formatUsdFromCents } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ItemPageProps, openItemPage } from '@/lib/list/open-item-page';
import { NewInvoiceDialog } from '@/components/billing/new-invoice-dialog';
import { ContractDialog } from './_components/contract-dialog';
import { VoidContractButton } from './_components/void-contract-button';

export const generateMetadata = pageTitle('customerBilling');

const pct = (bps: number, locale: string) => formatPercent(bps / 100, locale, { digits: 2 });

/** A customer's contracts, SLA credits with their evidence, invoices, balance and ledger. */
export default async function CustomerBillingPage(props: ItemPageProps) {
  const { id, locale, actor } = await openItemPage(props, 'crm:invoice');
  const db = await getDb();
  const customer = await customerInScope(db, actor.scope, id).catch((e) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const manages = can(actor.role, 'crm:invoice', 'FULL') && isOrgWide(actor.scope);
  const [contracts, balance, entries, invoices, credits, options, activeContracts, addresses, t] = await Promise.all([
    listContracts(db, actor.scope, id),
    customerBalance(db, actor.scope, id),
    listBalanceEntries(db, actor.scope, id, { page: 1, pageSize: 50 }),
    listInvoices(db, actor.scope, { customerId: id }, { page: 1, pageSize: 25 }),
    slaCreditsOf(db, actor.scope, id),
    manages ? contractFormOptions(db, actor.scope, id) : null,
    manages ? contractOptions(db, actor.scope, id) : [],
    listDepositAddresses(db, actor.scope, id),
    getTranslations('Billing'),
  ]);
  const usd = (c: number) => formatUsdFromCents(c, locale);
  const day = (d: string | null) => (d ? formatDate(new Date(`${d}T00:00:00Z`), locale) : '—');
  const today = new Date().toISOString().slice(0, 10);
  const siteNames = new Map(options?.sites.map((s) => [s.id, s.name]));
  return (
    <>
      <PageHeader
        title={t('customerBilling', { name: customer.name })}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <Link href={`/crm/customers/${id}/statement`} className="text-sm text-accent hover:underline">
              {t('statement.link')}
            </Link>
            {manages && options ? (
              <>
              <ContractDialog customerId={id} sites={options.sites} miners={options.miners} today={today} />
              <NewInvoiceDialog customers={[]} customerId={id} contracts={activeContracts.map((c) => ({ id: c.id, name: `${t(`pricing.${c.pricing as 'per_kwh'}`)} · ${day(c.startDate)}` }))} />
              <PaymentDialog customerId={id} locale={locale} today={today} />
              </>
            ) : null}
          </div>
        }
      />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label={t('balance')} value={usd(balance.balanceCents)} hint={t('balanceHint', { deposit: usd(balance.depositCents) })} />
        <StatCard label={t('due')} value={usd(invoices.rows.filter((i) => i.kind === 'invoice' && i.status !== 'void' && i.status !== 'draft').reduce((s, i) => s + amountDue(i), 0))} />
      </div>
      <Card title={t('contracts')} className="mt-6">
        {contracts.length === 0 ? (
          <p className="text-sm text-muted">{t('noContracts')}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-line text-sm">
            {contracts.map((c) => (
              <li key={c.id} className="flex flex-wrap items-start justify-between gap-2 py-3">
                <div className="flex flex-col gap-1">
                  <span className="font-medium">
                    {t(`pricing.${c.pricing as 'per_kwh'}`)} · {c.pricing === 'per_kwh' ? formatUsdFromCents(c.rate / 1000, locale, 5) : usd(c.rate)}
                    {c.pricing === 'per_kw_reserved' ? ` × ${formatNumber(c.reservedKw, locale)} kW` : ''} · {t(`contractStatus.${c.status as 'active'}`)}
                  </span>
                  <span className="text-muted">
                    {t('termLine', { start: day(c.startDate), months: c.termMonths, renew: c.autoRenew ? t('renews') : '' })} · {t('depositUsd')}: {usd(c.depositCents)} · {t('taxPct')}: {pct(c.taxBps, locale)}
                    {c.revenueShareBps ? ` · ${t('revenueSharePct')}: ${pct(c.revenueShareBps, locale)}` : ''}
                  </span>
                  {c.slaUptimeBps ? <span className="text-muted">{t('slaLine', { target: pct(c.slaUptimeBps, locale), perPoint: pct(c.slaCreditBpsPerPoint, locale), cap: pct(c.slaCreditCapBps, locale) })}</span> : null}
                  <span className="text-xs text-muted">
                    {t('sites')}: {c.siteIds.map((s) => siteNames.get(s) ?? s.slice(0, 8)).join(', ')}
                  </span>
                </div>
                {manages && c.status === 'active' ? <VoidContractButton id={c.id} /> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t('deposit.title')} className="mt-6">
        {manages ? (
          <div className="mb-3 flex justify-end">
            <DepositAddressDialog customerId={id} />
          </div>
        ) : null}
        <DepositAddresses
          addresses={addresses}
          actions={
            manages
              ? (a) => (
                  <span className="flex gap-2">
                    <DepositAddressDialog customerId={id} current={a} />
                    <RemoveDepositAddressButton customerId={id} asset={a.asset} />
                  </span>
                )
              : undefined
          }
        />
      </Card>
      <Card title={t('slaCredits')} className="mt-6">
        <SlaCreditList credits={credits} locale={locale} />
      </Card>
      <Card title={t('title')} className="mt-6">
        {invoices.total === 0 ? (
          <p className="text-sm text-muted">{t('empty')}</p>
        ) : (
          <Table label={t('title')}>
            <thead>
              <tr>
                <Th>{t('number')}</Th>
                <Th>{t('statusCol')}</Th>
                <Th>{t('dueDate')}</Th>
                <Th className="text-right">{t('total')}</Th>
                <Th className="text-right">{t('due')}</Th>
              </tr>
            </thead>
            <tbody>
              {invoices.rows.map((i) => (
                <tr key={i.id}>
                  <Td>
                    <Link href={`/crm/invoices/${i.id}`} className="text-accent hover:underline">
                      {i.number ?? t('status.draft')}
                    </Link>
                  </Td>
                  <Td>
                    <InvoiceStatusBadge status={i.status} />
                  </Td>
                  <Td>{i.kind === 'invoice' ? day(i.dueDate) : t('kind.credit_note')}</Td>
                  <Td className="text-right tabular-nums">{usd(i.totalCents)}</Td>
                  <Td className="text-right tabular-nums">{i.kind === 'invoice' && i.status !== 'void' ? usd(amountDue(i)) : '—'}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card title={t('ledger')} className="mt-6">
        {entries.total === 0 ? (
          <p className="text-sm text-muted">{t('noEntries')}</p>
        ) : (
          <Table label={t('ledger')}>
            <thead>
              <tr>
                <Th>{t('at')}</Th>
                <Th>{t('entryKindCol')}</Th>
                <Th>{t('note')}</Th>
                <Th className="text-right">{t('amount')}</Th>
              </tr>
            </thead>
            <tbody>
              {entries.rows.map((e) => (
                <tr key={e.id}>
                  <Td>{formatDate(e.createdAt, locale)}</Td>
                  <Td>{t(`entryKind.${e.kind as 'payment'}`)}</Td>
                  <Td className="text-xs text-muted">{e.note === 'sla_credit' ? t('appliedSla') : (e.note ?? '')}</Td>
                  <Td className="text-right tabular-nums">{usd(e.amountCents)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
