import { type ArimaSpec, fitArima } from './arima';
import { forecastArima } from './forecast';

export type ErrorMetrics = { rmse: number; mae: number; mape: number; n: number };

export type Backtest = {
  horizon: number;
  origins: number;
  model: ErrorMetrics;
  /** The naive random walk: every step forecast as the last observed value. */
  naive: ErrorMetrics;
  /** RMSE below the naive one; when false, the page says the model does not beat the naive forecast. */
  beatsNaive: boolean;
};

/**
 * Rolling-origin evaluation: at each of `origins` cut points spread over the last part of the
 * series, the model (the given order, parameters re-estimated on the data up to the cut) forecasts
 * `horizon` steps, and the errors are pooled against the values that followed. Errors are measured
 * on the original scale (`back` undoes a log), beside the naive forecast from the same cut points.
 */
export function rollingBacktest(y: ArrayLike<number>, spec: ArimaSpec, opts: { horizon: number; origins: number; minTrain?: number; back?: (v: number) => number }): Backtest | null {
  const n = y.length;
  const back = opts.back ?? ((v: number) => v);
  const minTrain = opts.minTrain ?? Math.max(30, Math.floor(n / 2));
  const last = n - 1 - opts.horizon;
  if (last < minTrain) return null;
  const stride = Math.max(1, Math.floor((last - minTrain) / Math.max(1, opts.origins - 1)));
  const cuts: number[] = [];
  for (let c = last; c >= minTrain && cuts.length < opts.origins; c -= stride) cuts.push(c);
  const model: number[][] = [];
  const naive: number[][] = [];
  const values = Array.from(y);
  for (const cut of cuts.reverse()) {
    const train = values.slice(0, cut + 1);
    let lastSeen = cut;
    while (lastSeen >= 0 && Number.isNaN(values[lastSeen]!)) lastSeen--;
    if (lastSeen < 0) continue;
    const fc = forecastArima(fitArima(train, spec), opts.horizon);
    for (let s = 1; s <= opts.horizon; s++) {
      const actual = values[cut + s]!;
      if (Number.isNaN(actual)) continue;
      model.push([back(fc[s - 1]!.mean), back(actual)]);
      naive.push([back(values[lastSeen]!), back(actual)]);
    }
  }
  if (!model.length) return null;
  const m = metrics(model);
  const b = metrics(naive);
  return { horizon: opts.horizon, origins: cuts.length, model: m, naive: b, beatsNaive: m.rmse < b.rmse };
}

export function metrics(pairs: number[][]): ErrorMetrics {
  let se = 0;
  let ae = 0;
  let ape = 0;
  for (const [f, a] of pairs) {
    const e = f! - a!;
    se += e * e;
    ae += Math.abs(e);
    ape += Math.abs(e / a!);
  }
  const n = pairs.length;
  return { rmse: Math.sqrt(se / n), mae: ae / n, mape: (100 * ape) / n, n };
}
