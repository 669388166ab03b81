import { assertPeriod, type Bars, type Line, nanLine } from './types';

/**
 * Volume-weighted average price over daily bars (not in TA-Lib). With typical price
 * tp = (high + low + close)/3:
 *   rolling (period = n): Σ tp·volume / Σ volume over the last n bars, first value on bar n−1;
 *   anchored (period omitted): the same sums from the first bar to each bar.
 * NaN where the window's volume is 0. An intraday VWAP resets each session; on daily bars
 * there is no session, so the window or anchor is stated beside the chart.
 */
export function vwap({ high, low, close, volume }: Pick<Bars, 'high' | 'low' | 'close'> & { volume: readonly number[] }, period?: number): Line {
  if (period !== undefined) assertPeriod('vwap', period);
  const n = close.length;
  const out = nanLine(n);
  let pv = 0;
  let v = 0;
  for (let i = 0; i < n; i++) {
    pv += ((high[i]! + low[i]! + close[i]!) / 3) * volume[i]!;
    v += volume[i]!;
    if (period !== undefined && i >= period) {
      const j = i - period;
      pv -= ((high[j]! + low[j]! + close[j]!) / 3) * volume[j]!;
      v -= volume[j]!;
    }
    if ((period === undefined || i >= period - 1) && v > 0) out[i] = pv / v;
  }
  return out;
}
