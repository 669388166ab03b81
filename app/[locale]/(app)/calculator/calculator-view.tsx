'use client';

import { useTranslations } from 'next-intl';
import { CalculatorInputs } from '@/components/calculator/calculator-inputs';
import { CalculatorResults } from '@/components/calculator/results';
import type { CalculatorBootstrap } from '@/components/calculator/types';
import { useCalculator } from '@/components/calculator/use-calculator';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';

export function CalculatorView({ boot }: { boot: CalculatorBootstrap }) {
  const t = useTranslations('Calculator');
  const calc = useCalculator(boot);
  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <Card>
        <form noValidate onSubmit={(e) => e.preventDefault()}>
          <CalculatorInputs calc={calc} boot={boot} />
        </form>
      </Card>
      <div aria-live="polite">{calc.result ? <CalculatorResults result={calc.result} /> : <EmptyState title={t('fixInputs')} hint={t('fixInputsHint')} />}</div>
    </div>
  );
}
