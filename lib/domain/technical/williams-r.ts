import { assertPeriod, type Bars, type Line, nanLine } from './types';
import { rollingHighest, rollingLowest } from './window';

/** Williams %R (TA_WILLR): −100·(highest high − close)/(highest high − lowest low) over `period` bars; 0 when the range is 0. */
export function williamsR({ high, low, close }: Pick<Bars, 'high' | 'low' | 'close'>, period = 14): Line {
  assertPeriod('williams %R', period, 2);
  const out = nanLine(close.length);
  const hh = rollingHighest(high, period);
  const ll = rollingLowest(low, period);
  for (let i = period - 1; i < close.length; i++) {
    const hi = hh[i]!;
    const diff = (hi - ll[i]!) / -100;
    out[i] = diff !== 0 ? (hi - close[i]!) / diff : 0;
  }
  return out;
}
