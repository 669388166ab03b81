import { ema } from './moving-averages';
import { assertPeriod, type Line, nanLine } from './types';

export type Macd = { macd: Line; signal: Line; histogram: Line };

/**
 * MACD as TA_MACD computes it: both EMAs start on bar slow−1 (the fast one seeded with the mean of
 * the `fast` closes ending there, not from bar 0), the signal is an EMA of the MACD line seeded with
 * the mean of its first `signal` values, and all three outputs start together on bar
 * slow−1 + signal−1 (33 for 12/26/9). Histogram = MACD − signal.
 */
export function macd(close: readonly number[], fast = 12, slow = 26, signal = 9): Macd {
  assertPeriod('macd fast', fast, 2);
  assertPeriod('macd slow', slow, 2);
  assertPeriod('macd signal', signal);
  if (slow < fast) [fast, slow] = [slow, fast];
  const n = close.length;
  const start = slow - 1;
  const fastEma = ema(close, fast, 0, start, 2 / (fast + 1));
  const slowEma = ema(close, slow, 0, start, 2 / (slow + 1));
  const line = nanLine(n);
  for (let i = start; i < n; i++) line[i] = fastEma[i]! - slowEma[i]!;
  const sig = ema(line, signal, start);
  const out: Macd = { macd: nanLine(n), signal: sig, histogram: nanLine(n) };
  for (let i = start + signal - 1; i < n; i++) {
    out.macd[i] = line[i]!;
    out.histogram[i] = line[i]! - sig[i]!;
  }
  return out;
}
