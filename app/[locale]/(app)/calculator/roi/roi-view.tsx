'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { CalculatorInputs } from '@/components/calculator/calculator-inputs';
import { NumField } from '@/components/calculator/num-field';
import { SummaryBar } from '@/components/calculator/summary-bar';
import type { CalculatorBootstrap } from '@/components/calculator/types';
import { useCalculator } from '@/components/calculator/use-calculator';
import { CumulativeLines } from '@/components/charts/cumulative-lines';
import { Card, StatCard } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import type { ForecastPaybacks } from '@/lib/domain/mining/explain';
import { formatDate, formatPercent, formatUsdFromCents, MISSING } from '@/lib/format';
import { ForecastScenarios } from './forecast-scenarios';
import { MonthTable } from './month-table';
import { RoiExplanation } from './roi-explanation';
import { ScenarioEditor } from './scenario-editor';
import { ScenarioTable } from './scenario-table';
import { SensitivityTable } from './sensitivity-table';
import { type RoiForecasts, useRoi } from './use-roi';

export function RoiView({ boot, forecasts, nowIso }: { boot: CalculatorBootstrap; forecasts: RoiForecasts; nowIso: string }) {
  const t = useTranslations('Calculator');
  const locale = useLocale();
  const now = useMemo(() => new Date(nowIso), [nowIso]);
  const calc = useCalculator(boot);
  const roi = useRoi(calc, boot, now, forecasts);
  const base = roi.results?.[0];
  const labels = roi.labels.map((l) => (l === null ? t('currentInput') : `${l.name} · ${formatUsdFromCents(l.unitPriceCents, locale)}`));
  // Dollars for the chart's axis and tooltip: cents ÷ 100 is exact, and only displayed.
  const chart = base ? base.months.map((m, i) => ({ month: m.month, ...Object.fromEntries(roi.results!.map((r, s) => [`s${s}`, r.months[i]!.cumulativeCents / 100])) })) : [];
  const payback = !base || !calc.input ? MISSING : base.paybackMonth !== null ? t('monthN', { n: base.paybackMonth }) : calc.input.capexUsd > 0 ? t('summaryNever') : t('summaryNoCapex');
  const paybacks = useMemo(() => (roi.forecast ? (Object.fromEntries(roi.forecast.runs.map((r) => [r.case, r.result.paybackMonth])) as ForecastPaybacks) : null), [roi.forecast]);
  const series = (roi.results ?? []).map((r, i) => ({ key: `s${i}`, label: labels[i]!, off: r.months.filter((m) => !m.running).map((m) => m.month) }));
  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <div className="flex flex-col gap-4">
        <Card title={t('assumptions')}>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            <NumField calc={roi} name="months" label={t('months')} />
            <NumField calc={roi} name="difficultyGrowthPctPerMonth" label={t('difficultyGrowth')} />
            <NumField calc={roi} name="priceGrowthPctPerMonth" label={t('priceGrowth')} />
          </div>
          <label className="mt-3 flex items-start gap-2 text-sm text-ink">
            <input type="checkbox" className="mt-0.5 size-4 accent-[var(--color-accent)]" checked={roi.switchOff} onChange={(e) => roi.setSwitchOff(e.target.checked)} data-testid="switch-off" />
            <span>
              {t('switchOff')}
              <span className="block text-xs text-muted">{t('switchOffHint')}</span>
            </span>
          </label>
        </Card>
        <Card title={t('scenarios')}>
          <ScenarioEditor models={boot.models} scenarios={roi.scenarios} current={roi.current} quantity={roi.quantity} onChange={roi.setScenarios} />
        </Card>
        <Card>
          <CalculatorInputs calc={calc} boot={boot} />
        </Card>
        <SummaryBar result={calc.result} payback={payback} />
      </div>
      <div className="flex flex-col gap-4" aria-live="polite">
        {!base || !roi.grid ? (
          <EmptyState title={t('fixInputs')} hint={t('fixInputsHint')} />
        ) : (
          <>
            <div className="grid grid-cols-2 gap-3 2xl:grid-cols-4">
              <StatCard label={t('paybackMonth')} value={base.paybackMonth === null ? (calc.input!.capexUsd > 0 ? t('noPayback') : t('noCapex')) : t('monthN', { n: base.paybackMonth })} tone={base.paybackMonth === null ? (calc.input!.capexUsd > 0 ? 'warn' : undefined) : 'ok'} />
              <StatCard label={t('roiPct')} value={formatPercent(base.roiPct, locale)} />
              <StatCard label={t('totalNet')} value={formatUsdFromCents(base.totalNetCents, locale)} tone={base.totalNetCents >= 0 ? 'ok' : 'bad'} hint={roi.switchOff ? t('monthsOff', { count: base.monthsOff }) : undefined} />
              <StatCard
                label={t('halving')}
                value={formatDate(base.halving.estimatedAt, locale)}
                hint={base.halving.month ? t('halvingInMonth', { n: base.halving.month, height: base.halving.height }) : t('halvingBeyond', { height: base.halving.height })}
              />
            </div>
            <Card title={t('cumulativeTitle')}>
              <div data-testid="roi-chart">
                <CumulativeLines data={chart} xKey="month" series={series} emptyLabel={t('noData')} marker={base.halving.month ? { x: base.halving.month, label: t('halvingBadge') } : null} />
              </div>
              {series.some((s) => s.off.length) ? (
                <p className="mt-2 text-xs text-muted" data-testid="roi-off-note">
                  {t('offChartNote')}
                </p>
              ) : null}
            </Card>
            <Card title={t('sensitivityTitle')}>
              <SensitivityTable grid={roi.grid} />
            </Card>
            <Card title={t('explain.title')}>
              <RoiExplanation input={roi.baseInput!} result={base} forecast={paybacks} />
            </Card>
            <Card title={t('forecastScenario.title')}>
              <ForecastScenarios constant={base} forecast={roi.forecast} forecasts={forecasts} />
            </Card>
            <ScenarioTable labels={labels} results={roi.results!} />
            <Card title={t('monthlyTitle')}>
              <MonthTable labels={labels} results={roi.results!} halvingMonth={base.halving.month} />
            </Card>
          </>
        )}
      </div>
    </div>
  );
}
