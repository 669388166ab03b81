/**
 * Is a short daily series a steady trend or a step? A slow drift (a clogging filter, a chip
 * degrading) fits a straight line; a sudden loss fits two flat levels. Both are fitted by least
 * squares and compared, so a step is never reported as a drift and vice versa.
 */
export type TrendFit = { slopePerDay: number; start: number; end: number; r2: number; lineSse: number; stepSse: number; n: number };

export function fitTrend(values: number[]): TrendFit | null {
  const n = values.length;
  if (n < 7) return null;
  const xMean = (n - 1) / 2;
  const yMean = values.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - xMean) * (values[i]! - yMean);
    sxx += (i - xMean) ** 2;
    syy += (values[i]! - yMean) ** 2;
  }
  const slope = sxy / sxx;
  const intercept = yMean - slope * xMean;
  let lineSse = 0;
  for (let i = 0; i < n; i++) lineSse += (values[i]! - (intercept + slope * i)) ** 2;
  return { slopePerDay: slope, start: intercept, end: intercept + slope * (n - 1), r2: syy === 0 ? 0 : 1 - lineSse / syy, lineSse, stepSse: bestStepSse(values), n };
}

/** The smallest squared error of two flat levels split anywhere (at least one value on each side). */
export function bestStepSse(values: number[]): number {
  const n = values.length;
  const prefix = [0];
  const prefixSq = [0];
  for (const v of values) {
    prefix.push(prefix.at(-1)! + v);
    prefixSq.push(prefixSq.at(-1)! + v * v);
  }
  const sse = (a: number, b: number) => {
    const sum = prefix[b]! - prefix[a]!;
    return prefixSq[b]! - prefixSq[a]! - (sum * sum) / (b - a);
  };
  let best = Infinity;
  for (let k = 1; k < n; k++) best = Math.min(best, sse(0, k) + sse(k, n));
  return Math.max(0, best);
}
