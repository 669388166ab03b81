import { assertPeriod, type Line, nanLine } from './types';

/**
 * Simple moving average, TA-Lib's TA_SMA: the first value at index period−1; a running sum (the
 * same additions in the same order as TA-Lib, so results agree to the last bits, not just to 1e-6).
 * `from` starts the window later, for series that begin with NaN (a MACD line, a %K line).
 */
export function sma(values: readonly number[], period: number, from = 0): Line {
  assertPeriod('sma', period);
  const out = nanLine(values.length);
  let total = 0;
  for (let i = from; i < from + period - 1 && i < values.length; i++) total += values[i]!;
  for (let i = from + period - 1, trailing = from; i < values.length; i++, trailing++) {
    total += values[i]!;
    out[i] = total / period;
    total -= values[trailing]!;
  }
  return out;
}

/**
 * Exponential moving average with k = 2/(period+1), seeded as TA-Lib's default (TA_COMPATIBILITY_DEFAULT)
 * does: the first value, at index seedEnd, is the simple mean of the `period` values ending there.
 * `seedEnd` defaults to from+period−1; MACD seeds its fast average later so both averages start
 * on the same bar, as TA_MACD does.
 */
export function ema(values: readonly number[], period: number, from = 0, seedEnd = from + period - 1, k = 2 / (period + 1)): Line {
  assertPeriod('ema', period);
  const out = nanLine(values.length);
  if (seedEnd >= values.length) return out;
  let prev = 0;
  for (let i = seedEnd - period + 1; i <= seedEnd; i++) prev += values[i]!;
  prev /= period;
  out[seedEnd] = prev;
  for (let i = seedEnd + 1; i < values.length; i++) {
    prev = (values[i]! - prev) * k + prev;
    out[i] = prev;
  }
  return out;
}
