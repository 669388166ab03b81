import type { Db } from '@/db/client';
import { reportBrand } from '@/db/queries/reports/brand';
import { curtailmentEventsInMonth } from '@/db/queries/reports/curtailment';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import { type ReportModel, table } from '@/lib/domain/reports/model';
import { formatDateTime } from '@/lib/format';
import { commonText, reportTranslator } from './messages';
import type { ReportInput } from './operations';

/** Each curtailment event of the month with its priced savings (the curtailment job's), totals and a chart. Staff only. */
export async function buildCurtailmentReport(db: Db, scope: Scope, o: ReportInput): Promise<ReportModel> {
  if (scope.customers !== 'all') throw new AppError('FORBIDDEN', 'Curtailment savings are the host’s');
  const t = reportTranslator(o.locale);
  const [events, brand] = await Promise.all([curtailmentEventsInMonth(db, scope, o.month), reportBrand(db, scope.orgId, null)]);
  const rows = events.map((e) => [e.startedAt, e.site, e.trigger, e.targetW, e.achievedW, e.energyAvoidedWh, e.costAvoidedCents, e.revenueForgoneCents, e.netSavingCents]);
  const tbl = table(
    t('Curtailment.events'),
    [
      { label: t('col.started'), unit: 'text', total: false },
      { label: t('col.site'), unit: 'text', total: false },
      { label: t('col.trigger'), unit: 'text', total: false },
      { label: t('col.targetKw'), unit: 'w', total: false },
      { label: t('col.achievedKw'), unit: 'w', total: false },
      { label: t('col.curtailAvoided'), unit: 'wh', total: true },
      { label: t('col.costAvoided'), unit: 'cents', total: true },
      { label: t('col.revenueForgone'), unit: 'cents', total: true },
      { label: t('col.netSaving'), unit: 'cents', total: true },
    ],
    rows,
  );
  const tot = tbl.totals!;
  return {
    kind: 'curtailment',
    locale: o.locale,
    title: t('kind.curtailment'),
    subtitle: o.month,
    meta: [
      [t('period'), o.month],
      [t('generatedAt'), formatDateTime(o.now, o.locale, 'UTC', { zone: true })],
    ],
    brand,
    summary: [
      { label: t('col.curtailEvents'), unit: 'count', value: events.length },
      { label: t('col.curtailAvoided'), unit: 'wh', value: tot[5] as number | null },
      { label: t('col.costAvoided'), unit: 'cents', value: tot[6] as number | null },
      { label: t('col.netSaving'), unit: 'cents', value: tot[8] as number | null },
    ],
    tables: [tbl],
    charts: [{ title: t('Curtailment.chart'), xLabel: t('col.started'), unit: 'wh', points: events.filter((e) => e.energyAvoidedWh !== null).map((e) => ({ label: e.startedAt.slice(5, 10), value: e.energyAvoidedWh! })) }],
    footer: t('Curtailment.footer'),
    ...commonText(t),
  };
}
