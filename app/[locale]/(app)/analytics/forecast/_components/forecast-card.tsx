import { getTranslations } from 'next-intl/server';
import { type BandPoint, ForecastBandChart } from '@/components/charts/forecast-band';
import { Card } from '@/components/ui/card';
import type { StoredForecast } from '@/db/queries/forecast/forecasts';
import type { ForecastSeriesKey } from '@/lib/domain/forecast/series';
import { type ChartUnit, formatDate, formatDifficulty, formatHashrate, formatNumber, formatPercent, formatUsd, thsFromHs } from '@/lib/format';
import { BacktestTable } from './backtest-table';

/** Per series: the chart's unit, how a stored value becomes a chart value, and how a value reads. */
const VIEW: Record<ForecastSeriesKey, { unit: ChartUnit; usdDigits: number; toChart: (v: number) => number; format: (v: number, locale: string) => string }> = {
  price: { unit: 'usd', usdDigits: 0, toChart: (v) => v, format: (v, l) => formatUsd(v, l, 0) },
  difficulty: { unit: 'difficulty', usdDigits: 0, toChart: (v) => v, format: (v, l) => formatDifficulty(v, l) },
  hashrate: { unit: 'hashrateThs', usdDigits: 0, toChart: (v) => thsFromHs(v) ?? Number.NaN, format: (v, l) => formatHashrate(thsFromHs(v), l) },
  revenue: { unit: 'usd', usdDigits: 4, toChart: (v) => v, format: (v, l) => formatUsd(v, l, 4) },
};

export async function ForecastCard({ forecast, retarget, locale }: { forecast: StoredForecast & { series: ForecastSeriesKey }; retarget: { changePct: number; estimatedAt: string } | null; locale: string }) {
  const t = await getTranslations('Forecast');
  const r = forecast.result;
  const v = VIEW[forecast.series];
  const conv = (x: number | null) => (x === null ? null : v.toChart(x));
  const points: BandPoint[] = r.points.map((p) => ({ t: p.t, value: conv(p.value), median: conv(p.median), lo80: conv(p.lo80), hi80: conv(p.hi80), lo95: conv(p.lo95), hi95: conv(p.hi95) }));
  const end = r.points.at(-1)!;
  const epochs = r.step === 'epoch';
  const when = (x: string) => (epochs ? t('epoch', { epoch: x }) : formatDate(x, locale));
  const spec = r.spec;
  return (
    <Card title={t(`series.${forecast.series}`)}>
      <div className="grid gap-4 lg:grid-cols-3" data-testid={`forecast-${forecast.series}`}>
        <div className="lg:col-span-2">
          <ForecastBandChart
            points={points}
            unit={v.unit}
            usdDigits={v.usdDigits}
            epochs={epochs}
            names={{ value: t('observed'), median: t('median'), band80: t('band80'), band95: t('band95') }}
            emptyLabel={t('emptySeries')}
            locale={locale}
          />
        </div>
        <div className="space-y-3 text-sm">
          <p>
            <span className="font-semibold">{t('model', { p: spec.p, d: spec.d, q: spec.q })}</span>
            {spec.trend ? ` ${t(spec.d > 0 ? 'withDrift' : 'withIntercept')}` : ''}
            <span className="text-muted"> · {t('aic', { aic: formatNumber(r.aic, locale, { digits: 1 }) })}</span>
          </p>
          <p>{t('last', { when: when(r.lastObserved.t), value: v.format(r.lastObserved.value, locale) })}</p>
          <p data-testid={`forecast-end-${forecast.series}`}>
            {t('atHorizon', { when: when(end.t), median: v.format(end.median!, locale) })}
            <br />
            <span className="text-muted">
              {t('bands', { lo80: v.format(end.lo80!, locale), hi80: v.format(end.hi80!, locale), lo95: v.format(end.lo95!, locale), hi95: v.format(end.hi95!, locale) })}
            </span>
          </p>
          {r.liveRetarget ? <p className="text-muted">{t('retargetUsed', { change: formatPercent(r.liveRetarget.changePct, locale, { digits: 2, signed: true }), epoch: r.liveRetarget.t })}</p> : null}
          {!r.liveRetarget && retarget ? <p className="text-muted">{t('retargetLive', { change: formatPercent(retarget.changePct, locale, { digits: 2, signed: true }), when: formatDate(retarget.estimatedAt, locale) })}</p> : null}
          <BacktestTable backtest={r.backtest} format={(x) => v.format(x, locale)} locale={locale} unitName={t(epochs ? 'epochs' : 'days')} />
          <p className="text-xs text-muted" data-testid={`forecast-source-${forecast.series}`}>
            {t('source', { source: forecast.source, from: when(r.fittedFrom), to: when(r.lastObserved.t), day: formatDate(forecast.day, locale) })}
          </p>
        </div>
      </div>
    </Card>
  );
}
