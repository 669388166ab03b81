'use client';

import { useLocale, useTranslations } from 'next-intl';
import { CalculatorInputs } from '@/components/calculator/calculator-inputs';
import { CalculatorResults } from '@/components/calculator/results';
import { SummaryBar } from '@/components/calculator/summary-bar';
import type { CalculatorBootstrap } from '@/components/calculator/types';
import { useCalculator } from '@/components/calculator/use-calculator';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { DAYS_PER_MONTH } from '@/lib/domain/mining/constants';
import { formatNumber, MISSING } from '@/lib/format';

export function CalculatorView({ boot }: { boot: CalculatorBootstrap }) {
  const t = useTranslations('Calculator');
  const locale = useLocale();
  const calc = useCalculator(boot);
  const r = calc.result;
  const payback = !r || !calc.input ? MISSING : calc.input.capexUsd <= 0 ? t('summaryNoCapex') : r.paybackDays === null ? t('summaryNever') : t('paybackMonths', { value: formatNumber(r.paybackDays / DAYS_PER_MONTH, locale, { digits: 1 }) });
  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <div className="flex flex-col gap-3">
        <Card>
          <form noValidate onSubmit={(e) => e.preventDefault()}>
            <CalculatorInputs calc={calc} boot={boot} />
          </form>
        </Card>
        <SummaryBar result={r} payback={payback} />
      </div>
      <div aria-live="polite">{r ? <CalculatorResults result={r} /> : <EmptyState title={t('fixInputs')} hint={t('fixInputsHint')} />}</div>
    </div>
  );
}
