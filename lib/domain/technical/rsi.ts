import { assertPeriod, isZero, type Line, nanLine } from './types';

/**
 * Relative strength index with Wilder's smoothing, as TA_RSI: the first average gain and loss are
 * the plain means of the first `period` changes (first value on bar `period`), then
 * avg = (avg·(period−1) + change)/period. 0 when gains and losses are both zero.
 */
export function rsi(close: readonly number[], period = 14): Line {
  assertPeriod('rsi', period, 2);
  const out = nanLine(close.length);
  if (close.length <= period) return out;
  let gain = 0;
  let loss = 0;
  for (let i = 1; i <= period; i++) {
    const d = close[i]! - close[i - 1]!;
    if (d < 0) loss -= d;
    else gain += d;
  }
  gain /= period;
  loss /= period;
  out[period] = isZero(gain + loss) ? 0 : (100 * gain) / (gain + loss);
  for (let i = period + 1; i < close.length; i++) {
    const d = close[i]! - close[i - 1]!;
    loss *= period - 1;
    gain *= period - 1;
    if (d < 0) loss -= d;
    else gain += d;
    loss /= period;
    gain /= period;
    out[i] = isZero(gain + loss) ? 0 : 100 * (gain / (gain + loss));
  }
  return out;
}
