'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Table, Td, Th } from '@/components/ui/table';
import type { RoiResult } from '@/lib/domain/mining/roi';
import { formatUsd } from '@/lib/format';

export function ScenarioTable({ labels, results }: { labels: string[]; results: RoiResult[] }) {
  const t = useTranslations('Calculator');
  const locale = useLocale();
  return (
    <Table label={t('scenarios')}>
      <thead>
        <tr>
          <Th>{t('scenario')}</Th>
          <Th className="text-right">{t('firstMonthNet')}</Th>
          <Th className="text-right">{t('totalNet')}</Th>
          <Th className="text-right">{t('cumulativeEnd')}</Th>
          <Th className="text-right">{t('paybackMonth')}</Th>
        </tr>
      </thead>
      <tbody>
        {results.map((r, i) => (
          <tr key={i}>
            <Td>{labels[i]}</Td>
            <Td className="text-right tabular-nums">{formatUsd(r.months[0]!.netProfitUsd, locale)}</Td>
            <Td className="text-right tabular-nums">{formatUsd(r.totalNetUsd, locale)}</Td>
            <Td className={`text-right tabular-nums ${r.months.at(-1)!.cumulativeUsd < 0 ? 'text-bad' : 'text-ok'}`}>{formatUsd(r.months.at(-1)!.cumulativeUsd, locale)}</Td>
            <Td className="text-right tabular-nums">{r.paybackMonth === null ? (r.roiPct === null ? t('noCapex') : t('noPayback')) : t('monthN', { n: r.paybackMonth })}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
