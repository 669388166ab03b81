import { sma } from './moving-averages';
import { assertPeriod, EPSILON, type Line, nanLine } from './types';

export type Bollinger = { upper: Line; middle: Line; lower: Line };

/**
 * Bollinger bands as TA_BBANDS with a simple average: middle = SMA(period), σ the population
 * standard deviation of the same window (divided by n, not n−1), computed as TA-Lib does from a
 * running sum of squares minus the squared mean; σ is 0 where that is ≤ 1e-14.
 */
export function bollinger(close: readonly number[], period = 20, devUp = 2, devDown = 2): Bollinger {
  assertPeriod('bollinger', period, 2);
  const n = close.length;
  const middle = sma(close, period);
  const out: Bollinger = { upper: nanLine(n), middle, lower: nanLine(n) };
  let sumSq = 0;
  for (let i = 0; i < period - 1 && i < n; i++) sumSq += close[i]! * close[i]!;
  for (let i = period - 1, trailing = 0; i < n; i++, trailing++) {
    sumSq += close[i]! * close[i]!;
    let variance = sumSq / period;
    sumSq -= close[trailing]! * close[trailing]!;
    variance -= middle[i]! * middle[i]!;
    const sd = variance < EPSILON ? 0 : Math.sqrt(variance);
    out.upper[i] = middle[i]! + devUp * sd;
    out.lower[i] = middle[i]! - devDown * sd;
  }
  return out;
}
