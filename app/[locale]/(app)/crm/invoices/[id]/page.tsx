import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DepositAddresses } from '@/components/billing/deposit-addresses';
import { InvoiceStatusBadge } from '@/components/billing/invoice-status-badge';
import { PaymentDialog } from '@/components/billing/payment-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listDepositAddresses } from '@/db/queries/billing/deposit-addresses';
import { getInvoice } from '@/db/queries/billing/invoices';
import { can } from '@/lib/auth/permissions';
import { lineDescription } from '@/lib/billing/line-text';
import { AppError } from '@/lib/core/errors';
import { isOrgWide } from '@/lib/core/scope';
import { amountDue } from '@/lib/domain/billing/invoice';
import { formatDate, formatNumber, formatPercent, formatUsdFromCents } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ItemPageProps, openItemPage } from '@/lib/list/open-item-page';
import { InvoiceActions } from './_components/invoice-actions';

export const generateMetadata = pageTitle('invoice');

/** One invoice or credit note: its lines (each with its own tax), totals, what was applied, and its actions. */
export default async function InvoicePage(props: ItemPageProps) {
  const { id, locale, actor } = await openItemPage(props, 'crm:invoice');
  const db = await getDb();
  const inv = await getInvoice(db, actor.scope, id).catch((e) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const [t, tPower, addresses] = await Promise.all([getTranslations('Billing'), getTranslations('Power'), listDepositAddresses(db, actor.scope, inv.customerId)]);
  const manages = can(actor.role, 'crm:invoice', 'FULL') && isOrgWide(actor.scope);
  const usd = (c: number) => formatUsdFromCents(c, locale);
  const day = (d: string | null) => (d ? formatDate(new Date(`${d}T00:00:00Z`), locale) : '—');
  const credit = inv.kind === 'credit_note';
  return (
    <>
      <PageHeader
        title={`${credit ? t('kind.credit_note') : t('kind.invoice')} ${inv.number ?? ''}`}
        subtitle={inv.customerName}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <InvoiceStatusBadge status={inv.status} />
            <a href={`/api/crm/invoices/${inv.id}/pdf`} className="text-sm text-accent hover:underline">
              {t('pdf')}
            </a>
            {manages ? <InvoiceActions id={inv.id} status={inv.status} kind={inv.kind} paid={inv.paidCents + inv.creditedCents > 0} /> : null}
            {manages && !credit && inv.status !== 'draft' && inv.status !== 'void' && amountDue(inv) > 0 ? <PaymentDialog customerId={inv.customerId} locale={locale} today={new Date().toISOString().slice(0, 10)} /> : null}
          </div>
        }
      />
      <dl className="mb-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-muted">{t('issueDate')}</dt>
          <dd>{day(inv.issueDate)}</dd>
        </div>
        <div>
          <dt className="text-muted">{t('dueDate')}</dt>
          <dd>{credit ? '—' : day(inv.dueDate)}</dd>
        </div>
        <div>
          <dt className="text-muted">{t('period')}</dt>
          <dd>{inv.periodMonth?.slice(0, 7) ?? '—'}</dd>
        </div>
        <div>
          <dt className="text-muted">{t('customer')}</dt>
          <dd>{manages ? <Link href={`/crm/customers/${inv.customerId}/billing`} className="text-accent hover:underline">{inv.customerName}</Link> : inv.customerName}</dd>
        </div>
      </dl>
      {inv.creditOf ? (
        <p className="mb-4 text-sm">
          <Link href={`/crm/invoices/${inv.creditOf.id}`} className="text-accent hover:underline">
            {t('creditOf', { number: inv.creditOf.number ?? '' })}
          </Link>
        </p>
      ) : null}
      <Card title={t('lines')}>
        <Table label={t('lines')}>
          <thead>
            <tr>
              <Th>{t('description')}</Th>
              <Th className="text-right">{t('quantity')}</Th>
              <Th className="text-right">{t('unit')}</Th>
              <Th className="text-right">{t('tax')}</Th>
              <Th className="text-right">{t('amount')}</Th>
            </tr>
          </thead>
          <tbody>
            {inv.lines.map((l) => (
              <tr key={l.id}>
                <Td>{lineDescription(t, tPower, l)}</Td>
                <Td className="text-right tabular-nums">{formatNumber(l.quantity, locale, { digits: 6 })}</Td>
                <Td className="text-right tabular-nums">{formatUsdFromCents(l.unitMc / 1000, locale, l.unitMc % 1000 === 0 ? 2 : 5)}</Td>
                <Td className="text-right tabular-nums">{usd(l.taxCents)}</Td>
                <Td className="text-right tabular-nums">{usd(l.amountCents)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <dl className="mt-3 ml-auto grid max-w-xs grid-cols-2 gap-1 text-sm tabular-nums">
          <dt className="text-muted">{t('subtotal')}</dt>
          <dd className="text-right">{usd(inv.subtotalCents)}</dd>
          <dt className="text-muted">{t('totalTax', { rate: formatPercent(inv.taxBps / 100, locale, { digits: 2 }) })}</dt>
          <dd className="text-right">{usd(inv.taxCents)}</dd>
          <dt className="font-semibold">{t('total')}</dt>
          <dd className="text-right font-semibold">{usd(inv.totalCents)}</dd>
          {credit ? null : (
            <>
              <dt className="text-muted">{t('paid')}</dt>
              <dd className="text-right">{usd(inv.paidCents)}</dd>
              <dt className="text-muted">{t('credited')}</dt>
              <dd className="text-right">{usd(inv.creditedCents)}</dd>
              <dt className="font-semibold">{t('amountDue')}</dt>
              <dd className="text-right font-semibold">{usd(amountDue(inv))}</dd>
            </>
          )}
        </dl>
      </Card>
      {credit ? null : (
        <div className="mt-6 grid gap-6 lg:grid-cols-2">
          <Card title={t('applied')}>
            {inv.applied.length === 0 ? (
              <p className="text-sm text-muted">{t('nothingApplied')}</p>
            ) : (
              <ul className="flex flex-col divide-y divide-line text-sm">
                {inv.applied.map((e) => (
                  <li key={e.id} className="flex justify-between py-2">
                    <span>
                      {e.note === 'sla_credit' ? t('appliedSla') : t('appliedPayment')} · {formatDate(e.createdAt, locale)}
                    </span>
                    <span className="tabular-nums">{usd(-e.amountCents)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t('creditNotes')}>
            {inv.creditNotes.length === 0 ? (
              <p className="text-sm text-muted">—</p>
            ) : (
              <ul className="flex flex-col divide-y divide-line text-sm">
                {inv.creditNotes.map((c) => (
                  <li key={c.id} className="flex justify-between py-2">
                    <Link href={`/crm/invoices/${c.id}`} className="text-accent hover:underline">
                      {c.number}
                    </Link>
                    <span className="tabular-nums">{usd(c.totalCents)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      )}
      {!credit && inv.status !== 'void' && inv.status !== 'draft' && amountDue(inv) > 0 ? (
        <Card title={t('deposit.payTo')} className="mt-6">
          <DepositAddresses addresses={addresses} />
        </Card>
      ) : null}
    </>
  );
}
