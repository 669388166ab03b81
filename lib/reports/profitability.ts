import type { Db } from '@/db/client';
import { reportBrand } from '@/db/queries/reports/brand';
import { monthBtcClose } from '@/db/queries/reports/market-month';
import { operationsByKey } from '@/db/queries/reports/operations';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import { type ReportModel, table } from '@/lib/domain/reports/model';
import { siteMargin } from '@/lib/domain/reports/profitability';
import { formatDateTime, formatUsd } from '@/lib/format';
import { commonText, reportTranslator } from './messages';
import type { ReportInput } from './operations';

/** Per site: pool revenue at the month's mean BTC close, energy cost, margin (lib/domain/reports/profitability.ts). Host figures: staff only. */
export async function buildProfitabilityReport(db: Db, scope: Scope, o: ReportInput): Promise<ReportModel> {
  if (scope.customers !== 'all') throw new AppError('FORBIDDEN', 'Host margins are not shown to clients');
  const t = reportTranslator(o.locale);
  const [sites, price, brand] = await Promise.all([operationsByKey(db, scope, { by: 'site', month: o.month }), monthBtcClose(db, o.month), reportBrand(db, scope.orgId, null)]);
  const rows = sites.map((s) => {
    const m = siteMargin({ revenueSats: s.revenueSats, usdPerBtc: price?.usd ?? null, costCents: s.costCents });
    return [s.name, s.revenueSats, m.revenueCents, s.energyWh, s.costCents, m.marginCents, m.marginPct];
  });
  const bySite = table(
    t('Profitability.bySite'),
    [
      { label: t('col.site'), unit: 'text', total: false },
      { label: t('col.revenue'), unit: 'sats', total: true },
      { label: t('col.revenueUsd'), unit: 'cents', total: true },
      { label: t('col.energy'), unit: 'wh', total: true },
      { label: t('col.cost'), unit: 'cents', total: true },
      { label: t('col.margin'), unit: 'cents', total: true },
      { label: t('col.marginPct'), unit: 'pct', total: false },
    ],
    rows,
  );
  const tot = bySite.totals!;
  const total = siteMargin({ revenueSats: tot[1] as number | null, usdPerBtc: price?.usd ?? null, costCents: tot[4] as number | null });
  return {
    kind: 'profitability',
    locale: o.locale,
    title: t('kind.profitability'),
    subtitle: o.month,
    meta: [
      [t('period'), o.month],
      [t('generatedAt'), formatDateTime(o.now, o.locale, 'UTC', { zone: true })],
      [t('Profitability.priceSource'), price ? `${formatUsd(price.usd, o.locale)} (${price.days} d)` : '—'],
    ],
    brand,
    summary: [
      { label: t('col.revenueUsd'), unit: 'cents', value: tot[2] as number | null },
      { label: t('col.cost'), unit: 'cents', value: tot[4] as number | null },
      { label: t('col.margin'), unit: 'cents', value: tot[5] as number | null },
      { label: t('col.marginPct'), unit: 'pct', value: total.marginPct },
    ],
    tables: [bySite],
    charts: [{ title: t('Profitability.chart'), xLabel: t('col.site'), unit: 'cents', points: rows.filter((r) => typeof r[5] === 'number').map((r) => ({ label: String(r[0]), value: r[5] as number })) }],
    footer: t('Profitability.footer', { source: price?.source || '—' }),
    ...commonText(t),
  };
}
