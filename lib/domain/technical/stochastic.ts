import { sma } from './moving-averages';
import { assertPeriod, type Bars, type Line, nanLine } from './types';
import { rollingHighest, rollingLowest } from './window';

type Hlc = Pick<Bars, 'high' | 'low' | 'close'>;
export type Stochastic = { k: Line; d: Line };

/** Raw %K: 100·(close − lowest low)/(highest high − lowest low) over `period` bars; 0 when the range is 0 (as TA-Lib). */
function rawK({ high, low, close }: Hlc, period: number): Line {
  const out = nanLine(close.length);
  const hh = rollingHighest(high, period);
  const ll = rollingLowest(low, period);
  for (let i = period - 1; i < close.length; i++) {
    const lo = ll[i]!;
    const diff = (hh[i]! - lo) / 100;
    out[i] = diff !== 0 ? (close[i]! - lo) / diff : 0;
  }
  return out;
}

/** Keeps a line only from `from` on, as TA-Lib aligns both outputs on the bar where the last one starts. */
function from(line: Line, start: number): Line {
  for (let i = 0; i < Math.min(start, line.length); i++) line[i] = NaN;
  return line;
}

/** Fast stochastic (TA_STOCHF, simple averages): %K raw, %D = SMA(%K, dPeriod); both from bar kPeriod+dPeriod−2. */
export function stochasticFast(bars: Hlc, kPeriod = 14, dPeriod = 3): Stochastic {
  assertPeriod('stochastic %K', kPeriod);
  assertPeriod('stochastic %D', dPeriod);
  const k = rawK(bars, kPeriod);
  const d = sma(k, dPeriod, kPeriod - 1);
  return { k: from(k, kPeriod + dPeriod - 2), d };
}

/**
 * Slow stochastic (TA_STOCH, simple averages): slow %K = SMA(raw %K, kSlowing), %D = SMA(slow %K,
 * dPeriod); both from bar kPeriod+kSlowing+dPeriod−3.
 */
export function stochasticSlow(bars: Hlc, kPeriod = 14, kSlowing = 3, dPeriod = 3): Stochastic {
  assertPeriod('stochastic %K', kPeriod);
  assertPeriod('stochastic slowing', kSlowing);
  assertPeriod('stochastic %D', dPeriod);
  const slowK = sma(rawK(bars, kPeriod), kSlowing, kPeriod - 1);
  const d = sma(slowK, dPeriod, kPeriod + kSlowing - 2);
  return { k: from(slowK, kPeriod + kSlowing + dPeriod - 3), d };
}
