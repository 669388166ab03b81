import type { Line } from './types';

/**
 * On-balance volume (TA_OBV): starts at the first bar's volume (not 0, as TA-Lib), then adds the
 * bar's volume on an up close, subtracts it on a down close, keeps it on an unchanged close.
 */
export function obv(close: readonly number[], volume: readonly number[]): Line {
  const out = new Array<number>(close.length);
  if (close.length === 0) return out;
  let total = volume[0]!;
  out[0] = total;
  for (let i = 1; i < close.length; i++) {
    if (close[i]! > close[i - 1]!) total += volume[i]!;
    else if (close[i]! < close[i - 1]!) total -= volume[i]!;
    out[i] = total;
  }
  return out;
}
