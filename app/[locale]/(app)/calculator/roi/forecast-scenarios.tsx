'use client';

import { useLocale, useTranslations } from 'next-intl';
import { DataTable } from '@/components/list/data-table';
import { FigureCard } from '@/components/list/figure-card';
import type { RoiForecast } from '@/lib/domain/mining/forecast-scenario';
import type { RoiResult } from '@/lib/domain/mining/roi';
import { formatDate, formatUsdFromCents } from '@/lib/format';
import type { ForecastRun, RoiForecasts } from './use-roi';

/**
 * Payback of the current input under the stored forecasts' paths, beside the constant-inputs case,
 * with each forecast's run day and model, how many months it covers, and the caveats stated.
 */
export function ForecastScenarios({ constant, forecast, forecasts }: { constant: RoiResult; forecast: { runs: ForecastRun[]; coverage: { priceMonths: number; difficultyMonths: number } } | null; forecasts: RoiForecasts }) {
  const t = useTranslations('Calculator.forecastScenario');
  const tc = useTranslations('Calculator');
  const tf = useTranslations('Forecast');
  const locale = useLocale();
  const payback = (r: RoiResult) => (r.paybackMonth === null ? (r.roiPct === null ? tc('noCapex') : tc('noPayback')) : tc('monthN', { n: r.paybackMonth }));
  const describe = (f: RoiForecast | null, key: 'price' | 'difficulty', months: number) =>
    f
      ? t('runOf', {
          series: t(`series.${key}`),
          day: formatDate(f.day, locale),
          model: tf('model', { p: f.spec.p, d: f.spec.d, q: f.spec.q }) + (f.spec.trend ? ` ${tf(f.spec.d > 0 ? 'withDrift' : 'withIntercept')}` : ''),
          months,
        })
      : t('none', { series: t(`series.${key}`) });
  if (!forecast) {
    return (
      <div className="text-sm text-muted" data-testid="forecast-scenario-empty">
        <p>{forecasts.price || forecasts.difficulty ? t('stale') : t('empty')}</p>
        {forecasts.price || forecasts.difficulty ? (
          <ul className="mt-1 list-disc pl-5 text-xs">
            <li>{describe(forecasts.price, 'price', 0)}</li>
            <li>{describe(forecasts.difficulty, 'difficulty', 0)}</li>
          </ul>
        ) : null}
      </div>
    );
  }
  const rows = [{ key: 'constant', label: t('constant'), r: constant }, ...forecast.runs.map((x) => ({ key: x.case, label: t(`case.${x.case}`), r: x.result }))];
  return (
    <div className="flex flex-col gap-2" data-testid="forecast-scenarios">
      <DataTable
        label={t('title')}
        rows={rows}
        rowKey={(x) => x.key}
        columns={[
          { key: 'case', header: t('case.header'), cell: (x) => x.label },
          { key: 'total', header: tc('cumulativeEnd'), figure: true, cellClassName: (x) => (x.r.months.at(-1)!.cumulativeCents < 0 ? 'text-bad' : 'text-ok'), cell: (x) => formatUsdFromCents(x.r.months.at(-1)!.cumulativeCents, locale) },
          { key: 'payback', header: tc('paybackMonth'), figure: true, cell: (x) => payback(x.r) },
        ]}
        card={(x) => (
          <FigureCard
            title={x.label}
            figures={[
              { label: tc('cumulativeEnd'), value: formatUsdFromCents(x.r.months.at(-1)!.cumulativeCents, locale) },
              { label: tc('paybackMonth'), value: payback(x.r) },
            ]}
          />
        )}
      />
      <ul className="list-disc pl-5 text-xs text-muted">
        <li>{describe(forecasts.price, 'price', forecast.coverage.priceMonths)}</li>
        <li>{describe(forecasts.difficulty, 'difficulty', forecast.coverage.difficultyMonths)}</li>
        <li>{t('method')}</li>
      </ul>
    </div>
  );
}
