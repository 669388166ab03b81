import { assertPeriod, type Bars, type Line, nanLine } from './types';

type Hlc = Pick<Bars, 'high' | 'low' | 'close'>;

/** True range (TA_TRANGE): max(high−low, |high−prev close|, |low−prev close|); none on the first bar. */
export function trueRange({ high, low, close }: Hlc): Line {
  const out = nanLine(close.length);
  for (let i = 1; i < close.length; i++) out[i] = trOf(high[i]!, low[i]!, close[i - 1]!);
  return out;
}

export function trOf(high: number, low: number, prevClose: number): number {
  let tr = high - low;
  const up = Math.abs(prevClose - high);
  if (up > tr) tr = up;
  const down = Math.abs(prevClose - low);
  if (down > tr) tr = down;
  return tr;
}

/**
 * Average true range (TA_ATR): the mean of the first `period` true ranges (bars 1…period) is the
 * first value, on bar `period`; then Wilder's smoothing atr = (atr·(period−1) + tr)/period.
 */
export function atr(bars: Hlc, period = 14): Line {
  assertPeriod('atr', period);
  const tr = trueRange(bars);
  const out = nanLine(bars.close.length);
  if (bars.close.length <= period) return out;
  let prev = 0;
  for (let i = 1; i <= period; i++) prev += tr[i]!;
  prev /= period;
  out[period] = prev;
  for (let i = period + 1; i < tr.length; i++) {
    prev *= period - 1;
    prev += tr[i]!;
    prev /= period;
    out[i] = prev;
  }
  return out;
}
