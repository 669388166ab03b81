'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { EconomicsResult } from '@/lib/domain/mining/economics';
import { formatUsd } from '@/lib/format';

/**
 * The calculator's key results pinned under the inputs on a phone or tablet, where the results sit
 * below a long form: net per day, net per month and the payback. Placed last in the inputs' column,
 * it sticks to the bottom of the screen while the inputs scroll by and settles under them; from `xl`
 * the results stand beside the inputs and the bar is not needed.
 */
export function SummaryBar({ result, payback }: { result: EconomicsResult | null; payback: ReactNode }) {
  const t = useTranslations('Calculator');
  const locale = useLocale();
  const tone = (v: number | undefined) => (v === undefined ? 'text-ink' : v < 0 ? 'text-bad' : 'text-ok');
  const cell = (label: string, value: ReactNode, className: string, testId: string) => (
    <div className="min-w-0">
      <div className="truncate text-[11px] uppercase tracking-wide text-muted">{label}</div>
      <div className={`text-sm font-semibold tabular-nums [overflow-wrap:anywhere] ${className}`} data-testid={testId}>
        {value}
      </div>
    </div>
  );
  return (
    <div role="status" aria-label={t('summaryLabel')} data-testid="calc-summary" className="sticky bottom-2 z-10 grid grid-cols-3 gap-2 rounded-lg border border-accent/40 bg-surface/95 p-3 shadow-lg backdrop-blur xl:hidden">
      {cell(t('summaryDaily'), formatUsd(result?.daily.netProfitUsd, locale), tone(result?.daily.netProfitUsd), 'summary-daily')}
      {cell(t('summaryMonthly'), formatUsd(result?.monthly.netProfitUsd, locale), tone(result?.monthly.netProfitUsd), 'summary-monthly')}
      {cell(t('summaryPayback'), payback, 'text-ink', 'summary-payback')}
    </div>
  );
}
