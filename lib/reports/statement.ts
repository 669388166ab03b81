import type { Db } from '@/db/client';
import { customerStatement } from '@/db/queries/billing/statement';
import { reportBrand } from '@/db/queries/reports/brand';
import type { Scope } from '@/lib/core/scope';
import type { StatementKind } from '@/lib/domain/billing/statement';
import { type ReportModel, table } from '@/lib/domain/reports/model';
import { formatDateTime } from '@/lib/format';
import { commonText, reportTranslator } from './messages';
import type { ReportInput } from './operations';

/**
 * A customer's statement for a UTC month, with the figures of the billing statement
 * (db/queries/billing/statement.ts, lib/domain/billing/statement.ts: positive = owed by the
 * customer): opening balance, each movement with the running balance, charges, credits, closing.
 * In the customer's brand.
 */
export async function buildStatementReport(db: Db, scope: Scope, o: ReportInput & { customerId: string }): Promise<ReportModel> {
  const t = reportTranslator(o.locale);
  const from = new Date(`${o.month}-01T00:00:00Z`);
  const until = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  const st = await customerStatement(db, scope, o.customerId, { from, until });
  const brand = await reportBrand(db, scope.orgId, st.customer.id);
  const what = (kind: StatementKind, reference: string | null) => (reference ? `${t(`Statement.entry.${kind}`)} · ${reference}` : t(`Statement.entry.${kind}`));
  const rows = st.movements.map((m) => [formatDateTime(m.at, o.locale, 'UTC'), what(m.kind, m.reference), m.cents, m.balanceCents]);
  return {
    kind: 'statement',
    locale: o.locale,
    title: t('kind.statement'),
    subtitle: `${st.customer.name} · ${o.month}`,
    meta: [
      [t('customer'), st.customer.name],
      [t('period'), o.month],
      [t('generatedAt'), formatDateTime(o.now, o.locale, 'UTC', { zone: true })],
    ],
    brand,
    summary: [
      { label: t('Statement.opening'), unit: 'cents', value: st.openingCents },
      { label: t('Statement.invoiced'), unit: 'cents', value: st.chargesCents },
      { label: t('Statement.received'), unit: 'cents', value: st.creditsCents },
      { label: t('Statement.closing'), unit: 'cents', value: st.closingCents },
    ],
    tables: [
      table(
        t('Statement.lines'),
        [
          { label: t('col.date'), unit: 'text', total: false },
          { label: t('col.description'), unit: 'text', total: false },
          { label: t('col.amount'), unit: 'cents', total: true },
          { label: t('col.balance'), unit: 'cents', total: false },
        ],
        rows,
      ),
    ],
    charts: [{ title: t('Statement.chart'), xLabel: t('col.date'), unit: 'cents', points: st.movements.map((m) => ({ label: m.at.toISOString().slice(5, 10), value: m.balanceCents })) }],
    footer: t('Statement.footer'),
    ...commonText(t),
  };
}
