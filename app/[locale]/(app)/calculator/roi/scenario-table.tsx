'use client';

import { useLocale, useTranslations } from 'next-intl';
import { DataTable } from '@/components/list/data-table';
import type { RoiResult } from '@/lib/domain/mining/roi';
import { formatUsd } from '@/lib/format';

export function ScenarioTable({ labels, results }: { labels: string[]; results: RoiResult[] }) {
  const t = useTranslations('Calculator');
  const locale = useLocale();
  return (
    <DataTable
      label={t('scenarios')}
      rows={results.map((r, i) => ({ ...r, label: labels[i], end: r.months.at(-1)!.cumulativeUsd }))}
      rowKey={(r) => r.label ?? ''}
      columns={[
        { key: 'scenario', header: t('scenario'), cell: (r) => r.label },
        { key: 'firstMonth', header: t('firstMonthNet'), figure: true, cell: (r) => formatUsd(r.months[0]!.netProfitUsd, locale) },
        { key: 'total', header: t('totalNet'), figure: true, cell: (r) => formatUsd(r.totalNetUsd, locale) },
        { key: 'end', header: t('cumulativeEnd'), figure: true, cellClassName: (r) => (r.end < 0 ? 'text-bad' : 'text-ok'), cell: (r) => formatUsd(r.end, locale) },
        { key: 'payback', header: t('paybackMonth'), figure: true, cell: (r) => (r.paybackMonth === null ? (r.roiPct === null ? t('noCapex') : t('noPayback')) : t('monthN', { n: r.paybackMonth })) },
      ]}
    />
  );
}
