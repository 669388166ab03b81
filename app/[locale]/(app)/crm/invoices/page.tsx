import { getTranslations } from 'next-intl/server';
import { InvoiceStatusBadge } from '@/components/billing/invoice-status-badge';
import { FilterBar } from '@/components/list/filter-bar';
import { FilterSelect } from '@/components/list/filters';
import { ListTable } from '@/components/list/list-table';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { billingCustomerOptions } from '@/db/queries/billing/contracts';
import { listInvoices } from '@/db/queries/billing/invoices';
import { referralBonusCents } from '@/db/queries/billing/referral';
import { can } from '@/lib/auth/permissions';
import { isOrgWide } from '@/lib/core/scope';
import { amountDue, INVOICE_STATUSES } from '@/lib/domain/billing/invoice';
import { formatDate, formatUsdFromCents } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { Link } from '@/lib/i18n/navigation';
import { pageFields } from '@/lib/list/list-fields';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { z } from '@/lib/validation/zod';
import { MonthlyRunForm } from './_components/monthly-run-form';
import { ReferralBonusForm } from './_components/referral-bonus-form';
import { NewInvoiceDialog } from '@/components/billing/new-invoice-dialog';

export const generateMetadata = pageTitle('invoices');

const schema = z.object({ ...pageFields(50), status: z.enum(INVOICE_STATUSES).optional().catch(undefined) });

const day = (d: string | null, locale: string) => (d ? formatDate(new Date(`${d}T00:00:00Z`), locale) : '—');

/** Invoices and credit notes in the viewer's scope (a client: its own); owners and admins issue and run the month. */
export default async function InvoicesPage(props: ListPageProps) {
  const { locale, actor, q, query } = await openListPage(props, 'crm:invoice', schema);
  const db = await getDb();
  const manages = can(actor.role, 'crm:invoice', 'FULL') && isOrgWide(actor.scope);
  const [page, customers, bonusCents, t] = await Promise.all([listInvoices(db, actor.scope, { status: q.status }, q), manages ? billingCustomerOptions(db, actor.scope) : [], manages ? referralBonusCents(db, actor.orgId) : 0, getTranslations('Billing')]);
  const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          manages ? (
            <div className="flex flex-wrap items-end gap-3">
              <MonthlyRunForm month={lastMonth} />
              <ReferralBonusForm cents={bonusCents} />
              <NewInvoiceDialog customers={customers} />
            </div>
          ) : undefined
        }
      />
      <FilterBar label={t('title')} query={query}>
        <FilterSelect name="status" label={t('statusCol')} value={q.status} all={t('allStatuses')} options={INVOICE_STATUSES.map((s) => ({ id: s, name: t(`status.${s}`) }))} />
      </FilterBar>
      <ListTable
        pathname="/crm/invoices"
        query={query}
        page={page}
        empty={{ title: t('empty') }}
        label={t('title')}
        rowKey={(r) => r.id}
        columns={[
          {
            key: 'number',
            header: t('number'),
            cell: (r) => (
              <Link href={`/crm/invoices/${r.id}`} className="text-accent hover:underline">
                {r.number ?? t('status.draft')}
              </Link>
            ),
          },
          { key: 'kind', header: '', cellClassName: 'text-xs text-muted', cell: (r) => (r.kind === 'credit_note' ? t('kind.credit_note') : '') },
          { key: 'customer', header: t('customer'), cell: (r) => r.customerName },
          { key: 'status', header: t('statusCol'), cell: (r) => <InvoiceStatusBadge status={r.status} /> },
          { key: 'issued', header: t('issueDate'), cell: (r) => day(r.issueDate, locale) },
          { key: 'dueDate', header: t('dueDate'), cell: (r) => (r.kind === 'invoice' ? day(r.dueDate, locale) : '—') },
          { key: 'total', header: t('total'), figure: true, cell: (r) => formatUsdFromCents(r.totalCents, locale) },
          { key: 'due', header: t('due'), figure: true, cell: (r) => (r.kind === 'invoice' && r.status !== 'void' ? formatUsdFromCents(amountDue(r), locale) : '—') },
        ]}
      />
    </>
  );
}
