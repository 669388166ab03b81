import type { Db } from '@/db/client';
import { reportBrand } from '@/db/queries/reports/brand';
import { getTreasuryPosition } from '@/db/queries/treasury/position';
import { AppError } from '@/lib/core/errors';
import { isOrgWide, type Scope } from '@/lib/core/scope';
import { type ReportModel, table } from '@/lib/domain/reports/model';
import { formatDateTime } from '@/lib/format';
import { commonText, reportTranslator } from './messages';
import type { ReportInput } from './operations';

/** The end of a YYYY-MM month (UTC), or `now` when the month is not over. */
function asOfFor(month: string, now: Date): Date {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(y, m, 1) - 1);
  return end.getTime() < now.getTime() ? end : now;
}

/**
 * The treasury as the ledger stood at the end of the month (or now): BTC held and cash, the FIFO
 * cost of what is held, realised P&L, and the production cost per BTC of every month — the same
 * getTreasuryPosition the /treasury page shows, so the two agree. No market price: a report kept for
 * a month does not carry a valuation that goes stale. Owners and admins only (the live ledger).
 */
export async function buildTreasuryReport(db: Db, scope: Scope, o: ReportInput): Promise<ReportModel> {
  if (!isOrgWide(scope)) throw new AppError('FORBIDDEN', 'The treasury is the organization’s');
  const t = reportTranslator(o.locale);
  const asOf = asOfFor(o.month, o.now);
  const [p, brand] = await Promise.all([getTreasuryPosition(db, scope, asOf), reportBrand(db, scope.orgId, null)]);
  const months = p.months.filter((m) => m.month <= o.month);
  const costs = table(
    t('Treasury.costBasis'),
    [
      { label: t('col.month'), unit: 'text', total: false },
      { label: t('col.energyCost'), unit: 'cents', total: true },
      { label: t('col.opex'), unit: 'cents', total: true },
      { label: t('col.produced'), unit: 'sats', total: true },
      { label: t('col.totalCost'), unit: 'cents', total: true },
      { label: t('col.costPerBtc'), unit: 'cents', total: false },
    ],
    months.map((m) => [m.month, m.energyCents, m.opexCents, m.producedSats, m.totalCents, m.costCentsPerBtc]),
  );
  const lots = table(
    t('Treasury.lots'),
    [
      { label: t('col.acquired'), unit: 'text', total: false },
      { label: t('col.held'), unit: 'sats', total: true },
      { label: t('col.lotCost'), unit: 'cents', total: true },
    ],
    p.fifo.lots.map((l) => [l.acquiredAt.toISOString().slice(0, 10), l.sats, l.costCents]),
  );
  return {
    kind: 'treasury',
    locale: o.locale,
    title: t('kind.treasury'),
    subtitle: o.month,
    meta: [
      [t('period'), o.month],
      [t('Treasury.asOf'), formatDateTime(asOf, o.locale, 'UTC', { zone: true })],
      [t('generatedAt'), formatDateTime(o.now, o.locale, 'UTC', { zone: true })],
    ],
    brand,
    summary: [
      { label: t('col.held'), unit: 'sats', value: p.holdingsSats },
      { label: t('col.cash'), unit: 'cents', value: p.cashCents },
      { label: t('col.lotCost'), unit: 'cents', value: p.fifo.costCents },
      { label: t('col.realisedPnl'), unit: 'cents', value: p.fifo.realisedPnlCents },
      { label: t('col.monthlyOpex'), unit: 'cents', value: p.monthlyOpexCents },
    ],
    tables: [costs, lots],
    charts: [{ title: t('Treasury.chart'), xLabel: t('col.month'), unit: 'cents', points: months.filter((m) => m.costCentsPerBtc !== null).map((m) => ({ label: m.month, value: m.costCentsPerBtc! })) }],
    footer: t('Treasury.footer'),
    ...commonText(t),
  };
}
