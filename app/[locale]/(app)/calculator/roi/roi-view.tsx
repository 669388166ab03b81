'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { CalculatorInputs } from '@/components/calculator/calculator-inputs';
import { NumField } from '@/components/calculator/num-field';
import type { CalculatorBootstrap } from '@/components/calculator/types';
import { useCalculator } from '@/components/calculator/use-calculator';
import { MultiLine } from '@/components/charts/multi-line';
import { Card, StatCard } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDate, formatPercent, formatUsd } from '@/lib/format';
import { ScenarioEditor } from './scenario-editor';
import { ScenarioTable } from './scenario-table';
import { SensitivityTable } from './sensitivity-table';
import { useRoi } from './use-roi';

export function RoiView({ boot, nowIso }: { boot: CalculatorBootstrap; nowIso: string }) {
  const t = useTranslations('Calculator');
  const locale = useLocale();
  const now = useMemo(() => new Date(nowIso), [nowIso]);
  const calc = useCalculator(boot);
  const roi = useRoi(calc, boot, now);
  const base = roi.results?.[0];
  const labels = roi.labels.map((l) => (l === 'current' ? t('currentInput') : l));
  const chart = base ? base.months.map((m, i) => ({ month: m.month, ...Object.fromEntries(roi.results!.map((r, s) => [`s${s}`, Math.round(r.months[i]!.cumulativeUsd * 100) / 100])) })) : [];
  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <div className="flex flex-col gap-4">
        <Card title={t('assumptions')}>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            <NumField calc={roi} name="months" label={t('months')} />
            <NumField calc={roi} name="difficultyGrowthPctPerMonth" label={t('difficultyGrowth')} />
            <NumField calc={roi} name="priceGrowthPctPerMonth" label={t('priceGrowth')} />
          </div>
        </Card>
        <Card title={t('scenarios')}>
          <ScenarioEditor models={boot.models} scenarios={roi.scenarios} onChange={roi.setScenarios} />
        </Card>
        <Card>
          <CalculatorInputs calc={calc} boot={boot} />
        </Card>
      </div>
      <div className="flex flex-col gap-4" aria-live="polite">
        {!base || !roi.grid ? (
          <EmptyState title={t('fixInputs')} hint={t('fixInputsHint')} />
        ) : (
          <>
            <div className="grid grid-cols-2 gap-3 2xl:grid-cols-4">
              <StatCard label={t('paybackMonth')} value={base.paybackMonth === null ? (calc.input!.capexUsd > 0 ? t('noPayback') : t('noCapex')) : t('monthN', { n: base.paybackMonth })} tone={base.paybackMonth === null ? (calc.input!.capexUsd > 0 ? 'warn' : undefined) : 'ok'} />
              <StatCard label={t('roiPct')} value={formatPercent(base.roiPct, locale)} />
              <StatCard label={t('totalNet')} value={formatUsd(base.totalNetUsd, locale)} tone={base.totalNetUsd >= 0 ? 'ok' : 'bad'} />
              <StatCard
                label={t('halving')}
                value={formatDate(base.halving.estimatedAt, locale)}
                hint={base.halving.month ? t('halvingInMonth', { n: base.halving.month, height: base.halving.height }) : t('halvingBeyond', { height: base.halving.height })}
              />
            </div>
            <Card title={t('cumulativeTitle')}>
              <div data-testid="roi-chart">
                <MultiLine data={chart} xKey="month" series={labels.map((label, i) => ({ key: `s${i}`, label }))} emptyLabel={t('noData')} unit="usd" />
              </div>
            </Card>
            <Card title={t('sensitivityTitle')}>
              <SensitivityTable grid={roi.grid} />
            </Card>
            <ScenarioTable labels={labels} results={roi.results!} />
          </>
        )}
      </div>
    </div>
  );
}
