import { assertPeriod, type Bars, type Line, nanLine } from './types';

/**
 * Commodity channel index (TA_CCI): typical price tp = (high+low+close)/3;
 * CCI = (tp − mean tp)/(0.015 · mean absolute deviation of tp), over `period` bars; 0 when either part is 0.
 */
export function cci({ high, low, close }: Pick<Bars, 'high' | 'low' | 'close'>, period = 20): Line {
  assertPeriod('cci', period, 2);
  const n = close.length;
  const out = nanLine(n);
  const tp = new Array<number>(n);
  for (let i = 0; i < n; i++) tp[i] = (high[i]! + low[i]! + close[i]!) / 3;
  for (let i = period - 1; i < n; i++) {
    let mean = 0;
    for (let j = i - period + 1; j <= i; j++) mean += tp[j]!;
    mean /= period;
    let dev = 0;
    for (let j = i - period + 1; j <= i; j++) dev += Math.abs(tp[j]! - mean);
    const diff = tp[i]! - mean;
    out[i] = diff !== 0 && dev !== 0 ? diff / (0.015 * (dev / period)) : 0;
  }
  return out;
}
