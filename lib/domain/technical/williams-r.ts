import { assertPeriod, type Bars, type Line, nanLine } from './types';
import { highest, lowest } from './window';

/** Williams %R (TA_WILLR): −100·(highest high − close)/(highest high − lowest low) over `period` bars; 0 when the range is 0. */
export function williamsR({ high, low, close }: Pick<Bars, 'high' | 'low' | 'close'>, period = 14): Line {
  assertPeriod('williams %R', period, 2);
  const out = nanLine(close.length);
  for (let i = period - 1; i < close.length; i++) {
    const hi = highest(high, i - period + 1, i);
    const diff = (hi - lowest(low, i - period + 1, i)) / -100;
    out[i] = diff !== 0 ? (hi - close[i]!) / diff : 0;
  }
  return out;
}
