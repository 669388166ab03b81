import { getTranslations } from 'next-intl/server';
import { InvoiceStatusBadge } from '@/components/billing/invoice-status-badge';
import { DepositAddresses } from '@/components/billing/deposit-addresses';
import { SlaCreditList } from '@/components/billing/sla-credit-list';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db';
import { customerBalance } from '@/db/queries/billing/balance';
import { listDepositAddresses } from '@/db/queries/billing/deposit-addresses';
import { slaCreditsOf } from '@/db/queries/billing/customer-billing';
import { listInvoices } from '@/db/queries/billing/invoices';
import type { Scope } from '@/lib/core/scope';
import { amountDue } from '@/lib/domain/billing/invoice';
import { formatDate, formatUsdFromCents } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';

/**
 * The client's own invoices (PDF), its balance and its SLA credits with their evidence: the billing
 * scope limits a CLIENT to its linked customers. Drafts are the host's work in progress and stay hidden.
 */
export async function PortalInvoices({ scope, locale }: { scope: Scope; locale: string }) {
  if (scope.customers === 'all') return null;
  const db = await getDb();
  const customerIds = scope.customers;
  const [page, balances, credits, addresses, t] = await Promise.all([
    listInvoices(db, scope, {}, { page: 1, pageSize: 10 }),
    Promise.all(customerIds.map((id) => customerBalance(db, scope, id).catch(() => null))),
    Promise.all(customerIds.map((id) => slaCreditsOf(db, scope, id))),
    Promise.all(customerIds.map((id) => listDepositAddresses(db, scope, id).catch(() => []))),
    getTranslations('Billing'),
  ]);
  const rows = page.rows.filter((r) => r.status !== 'draft');
  const balance = balances.reduce((s, b) => s + (b?.balanceCents ?? 0), 0);
  const usd = (c: number) => formatUsdFromCents(c, locale);
  return (
    <Card title={t('portal.title')} className="mt-6">
      <p className="mb-3 text-sm">
        {t('portal.balance')}: <span className="font-semibold tabular-nums">{usd(balance)}</span>
      </p>
      {rows.length === 0 ? (
        <p className="text-sm text-muted">{t('portal.none')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line text-sm">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="flex items-center gap-2">
                <Link href={`/crm/invoices/${r.id}`} className="text-accent hover:underline">
                  {r.number}
                </Link>
                <InvoiceStatusBadge status={r.status} />
                {r.issueDate ? <span className="text-xs text-muted">{formatDate(new Date(`${r.issueDate}T00:00:00Z`), locale)}</span> : null}
              </span>
              <span className="flex items-center gap-3 tabular-nums">
                {usd(r.kind === 'invoice' && r.status !== 'void' ? amountDue(r) : r.totalCents)}
                <a href={`/api/crm/invoices/${r.id}/pdf`} className="text-accent hover:underline">
                  {t('pdf')}
                </a>
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-3 flex flex-wrap gap-4">
        <Link href="/crm/invoices" className="text-sm text-accent hover:underline">
          {t('portal.all')}
        </Link>
        {customerIds.map((id) => (
          <Link key={id} href={`/crm/customers/${id}/statement`} className="text-sm text-accent hover:underline">
            {t('statement.link')}
          </Link>
        ))}
      </div>
      <h3 className="mt-4 mb-2 text-sm font-medium">{t('deposit.title')}</h3>
      <DepositAddresses addresses={addresses.flat()} />
      <h3 className="mt-4 mb-1 text-sm font-medium">{t('slaCredits')}</h3>
      <SlaCreditList credits={credits.flat()} locale={locale} />
    </Card>
  );
}
