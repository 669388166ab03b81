'use client';

import { useLocale, useTranslations } from 'next-intl';
import { DataTable } from '@/components/list/data-table';
import { FigureCard } from '@/components/list/figure-card';
import type { RoiResult } from '@/lib/domain/mining/roi';
import { formatNumber, formatUsdFromCents } from '@/lib/format';

export function ScenarioTable({ labels, results }: { labels: string[]; results: RoiResult[] }) {
  const t = useTranslations('Calculator');
  const locale = useLocale();
  const payback = (r: RoiResult) => (r.paybackMonth === null ? (r.roiPct === null ? t('noCapex') : t('noPayback')) : t('monthN', { n: r.paybackMonth }));
  return (
    <DataTable
      label={t('scenarios')}
      rows={results.map((r, i) => ({ ...r, label: labels[i], end: r.months.at(-1)!.cumulativeCents }))}
      rowKey={(r) => r.label ?? ''}
      columns={[
        { key: 'scenario', header: t('scenario'), cell: (r) => r.label },
        { key: 'firstMonth', header: t('firstMonthNet'), figure: true, cell: (r) => formatUsdFromCents(r.months[0]!.netCents, locale) },
        { key: 'total', header: t('totalNet'), figure: true, cell: (r) => formatUsdFromCents(r.totalNetCents, locale) },
        { key: 'end', header: t('cumulativeEnd'), figure: true, cellClassName: (r) => (r.end < 0 ? 'text-bad' : 'text-ok'), cell: (r) => formatUsdFromCents(r.end, locale) },
        { key: 'off', header: t('colMonthsOff'), figure: true, cell: (r) => formatNumber(r.monthsOff, locale) },
        { key: 'payback', header: t('paybackMonth'), figure: true, cell: payback },
      ]}
      card={(r) => (
        <FigureCard
          title={r.label}
          figures={[
            { label: t('firstMonthNet'), value: formatUsdFromCents(r.months[0]!.netCents, locale) },
            { label: t('totalNet'), value: formatUsdFromCents(r.totalNetCents, locale) },
            { label: t('cumulativeEnd'), value: formatUsdFromCents(r.end, locale), className: r.end < 0 ? 'text-bad' : 'text-ok' },
            { label: t('colMonthsOff'), value: formatNumber(r.monthsOff, locale) },
            { label: t('paybackMonth'), value: payback(r) },
          ]}
        />
      )}
    />
  );
}
