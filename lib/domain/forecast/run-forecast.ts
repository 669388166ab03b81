import type { ArimaSpec } from './arima';
import { type Backtest, rollingBacktest } from './backtest';
import { forecastArima } from './forecast';
import { searchOrder } from './select';
import type { Observation, SeriesConfig } from './series';

export type ForecastBandPoint = { t: string; value: number | null; median: number | null; lo80: number | null; hi80: number | null; lo95: number | null; hi95: number | null };

export type SeriesForecast = {
  series: SeriesConfig['key'];
  step: SeriesConfig['step'];
  spec: ArimaSpec;
  aic: number;
  /** Parameters on the log scale: intercept/drift, AR, MA, innovation variance. */
  params: { intercept: number; ar: number[]; ma: number[]; sigma2: number };
  fittedFrom: string;
  lastObserved: { t: string; value: number };
  /** The recent history then the forecast; the forecast points carry the median and the bands. */
  points: ForecastBandPoint[];
  backtest: Backtest | null;
  /** Set when the last point is the live estimate of the next retarget rather than a mined epoch. */
  liveRetarget: { t: string; changePct: number } | null;
};

const DAY_MS = 86_400_000;

/** The time label of `s` steps after `t`: the next UTC days, or the next epoch numbers. */
function stepAfter(t: string, s: number, step: SeriesConfig['step']): string {
  return step === 'day' ? new Date(Date.parse(t) + s * DAY_MS).toISOString().slice(0, 10) : String(Number(t) + s);
}

/**
 * Models log(value) of a positive series: order by KPSS + AIC, forecasts with 80/95 % bands
 * (exp of the log-scale quantiles: the median path and its bands, not the mean), and a
 * rolling-origin backtest of the chosen order against the naive forecast. `history` points of the
 * past are returned for the chart. A live estimate of the next retarget (difficulty only) enters as
 * one more observation, so the forecast starts from it.
 */
export function runForecast(obs: Observation[], config: SeriesConfig, opts: { history?: number; liveRetarget?: { changePct: number } | null; backtest?: boolean } = {}): SeriesForecast | null {
  const series = [...obs.slice(-config.window)];
  while (series.length && Number.isNaN(series.at(-1)!.value)) series.pop();
  let liveRetarget: SeriesForecast['liveRetarget'] = null;
  if (opts.liveRetarget && config.step === 'epoch' && series.length) {
    const last = series.at(-1)!;
    const t = stepAfter(last.t, 1, 'epoch');
    series.push({ t, value: last.value * (1 + opts.liveRetarget.changePct / 100) });
    liveRetarget = { t, changePct: opts.liveRetarget.changePct };
  }
  const observed = series.filter((o) => Number.isFinite(o.value) && o.value > 0).length;
  if (observed < 30) return null;
  const y = series.map((o) => (o.value > 0 ? Math.log(o.value) : Number.NaN));
  const search = searchOrder(y);
  const fit = search.best;
  const fc = forecastArima(fit, config.horizon);
  const last = series.at(-1)!;
  const history = series.slice(-(opts.history ?? 180)).map((o): ForecastBandPoint => ({ t: o.t, value: Number.isNaN(o.value) ? null : o.value, median: null, lo80: null, hi80: null, lo95: null, hi95: null }));
  // The band starts at the last observation so the chart joins history and forecast.
  history[history.length - 1] = { ...history.at(-1)!, median: last.value, lo80: last.value, hi80: last.value, lo95: last.value, hi95: last.value };
  const future = fc.map((p) => ({ t: stepAfter(last.t, p.step, config.step), value: null, median: Math.exp(p.mean), lo80: Math.exp(p.lo80), hi80: Math.exp(p.hi80), lo95: Math.exp(p.lo95), hi95: Math.exp(p.hi95) }));
  const backtest = opts.backtest === false ? null : rollingBacktest(y, fit.spec, { horizon: config.horizon, origins: config.backtestOrigins, back: Math.exp });
  return {
    series: config.key,
    step: config.step,
    spec: fit.spec,
    aic: fit.aic,
    params: { intercept: fit.intercept, ar: fit.ar, ma: fit.ma, sigma2: fit.sigma2 },
    fittedFrom: series[0]!.t,
    lastObserved: { t: last.t, value: last.value },
    points: [...history, ...future],
    backtest,
    liveRetarget,
  };
}
