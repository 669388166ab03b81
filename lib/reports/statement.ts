import type { Db } from '@/db/client';
import { reportBrand } from '@/db/queries/reports/brand';
import { customerStatement } from '@/db/queries/reports/statement';
import type { Scope } from '@/lib/core/scope';
import { type ReportModel, table } from '@/lib/domain/reports/model';
import { formatDateTime } from '@/lib/format';
import { commonText, reportTranslator } from './messages';
import type { ReportInput } from './operations';

const ENTRY_KINDS = ['payment', 'prepayment', 'deposit', 'invoice_payment', 'sla_credit', 'credit_note', 'refund', 'other'] as const;
type EntryKind = (typeof ENTRY_KINDS)[number];
const entryKind = (k: string): EntryKind => (ENTRY_KINDS as readonly string[]).includes(k) ? (k as EntryKind) : 'other';

/** A customer's statement (db/queries/reports/statement.ts) in its brand: invoices issued, ledger entries, opening and closing balance. */
export async function buildStatementReport(db: Db, scope: Scope, o: ReportInput & { customerId: string }): Promise<ReportModel> {
  const t = reportTranslator(o.locale);
  const st = await customerStatement(db, scope, { customerId: o.customerId, month: o.month });
  const brand = await reportBrand(db, scope.orgId, st.customerId);
  const invoiced = st.invoices.reduce((s, i) => s + (i.kind === 'credit_note' ? -i.totalCents : i.totalCents), 0);
  const received = st.entries.reduce((s, e) => s + e.amountCents, 0);
  let running = st.openingCents;
  const entryRows = st.entries.map((e) => {
    running += e.amountCents;
    const what = t(`Statement.entry.${entryKind(e.kind)}`);
    return [e.at, e.invoiceNumber ? `${what} · ${e.invoiceNumber}` : what, e.amountCents, running];
  });
  return {
    kind: 'statement',
    locale: o.locale,
    title: t('kind.statement'),
    subtitle: `${st.customerName} · ${o.month}`,
    meta: [
      [t('customer'), st.customerName],
      [t('period'), o.month],
      [t('generatedAt'), formatDateTime(o.now, o.locale, 'UTC', { zone: true })],
    ],
    brand,
    summary: [
      { label: t('Statement.opening'), unit: 'cents', value: st.openingCents },
      { label: t('Statement.invoiced'), unit: 'cents', value: invoiced },
      { label: t('Statement.received'), unit: 'cents', value: received },
      { label: t('Statement.closing'), unit: 'cents', value: st.closingCents },
    ],
    tables: [
      table(
        t('Statement.invoices'),
        [
          { label: t('col.document'), unit: 'text', total: false },
          { label: t('col.date'), unit: 'text', total: false },
          { label: t('col.charged'), unit: 'cents', total: true },
          { label: t('col.paid'), unit: 'cents', total: true },
        ],
        st.invoices.map((i) => [t('Statement.invoice', { number: i.number ?? '—' }), i.issueDate, i.kind === 'credit_note' ? -i.totalCents : i.totalCents, i.paidCents + i.creditedCents]),
      ),
      table(
        t('Statement.lines'),
        [
          { label: t('col.date'), unit: 'text', total: false },
          { label: t('col.description'), unit: 'text', total: false },
          { label: t('col.amount'), unit: 'cents', total: true },
          { label: t('col.balance'), unit: 'cents', total: false },
        ],
        entryRows,
      ),
    ],
    charts: [{ title: t('Statement.chart'), xLabel: t('col.date'), unit: 'cents', points: entryRows.map((r) => ({ label: String(r[0]).slice(5), value: Number(r[3]) })) }],
    footer: t('Statement.footer'),
    ...commonText(t),
  };
}
