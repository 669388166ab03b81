import { trOf } from './atr';
import { assertPeriod, type Bars, isZero, type Line, nanLine } from './types';

export type Adx = { adx: Line; plusDi: Line; minusDi: Line };

/**
 * Wilder's directional movement as TA_ADX, TA_PLUS_DI and TA_MINUS_DI compute it, in one pass:
 * +DM = high − prev high when it is positive and larger than prev low − low (−DM the mirror);
 * +DM, −DM and TR are summed over the first period−1 changes, then smoothed s = s − s/period + x;
 * ±DI = 100·DM/TR from bar `period`; DX = 100·|+DI − −DI|/(+DI + −DI); ADX starts on bar
 * 2·period−1 as the mean of the first `period` DX, then adx = (adx·(period−1) + dx)/period.
 * While TR or the DI sum is zero the previous value is kept (the DI is 0), as in TA-Lib.
 */
export function adx({ high, low, close }: Pick<Bars, 'high' | 'low' | 'close'>, period = 14): Adx {
  assertPeriod('adx', period, 2);
  const n = close.length;
  const out: Adx = { adx: nanLine(n), plusDi: nanLine(n), minusDi: nanLine(n) };
  let pdm = 0;
  let mdm = 0;
  let tr = 0;
  let sumDx = 0;
  let prevAdx = 0;
  for (let i = 1; i < n; i++) {
    const up = high[i]! - high[i - 1]!;
    const down = low[i - 1]! - low[i]!;
    const t = trOf(high[i]!, low[i]!, close[i - 1]!);
    if (i < period) {
      if (down > 0 && up < down) mdm += down;
      else if (up > 0 && up > down) pdm += up;
      tr += t;
      continue;
    }
    mdm -= mdm / period;
    pdm -= pdm / period;
    if (down > 0 && up < down) mdm += down;
    else if (up > 0 && up > down) pdm += up;
    tr = tr - tr / period + t;
    let dx = NaN;
    if (isZero(tr)) {
      out.plusDi[i] = 0;
      out.minusDi[i] = 0;
    } else {
      const minus = 100 * (mdm / tr);
      const plus = 100 * (pdm / tr);
      out.plusDi[i] = plus;
      out.minusDi[i] = minus;
      if (!isZero(minus + plus)) dx = 100 * (Math.abs(minus - plus) / (minus + plus));
    }
    if (i < 2 * period - 1) {
      if (!Number.isNaN(dx)) sumDx += dx;
    } else if (i === 2 * period - 1) {
      if (!Number.isNaN(dx)) sumDx += dx;
      prevAdx = sumDx / period;
      out.adx[i] = prevAdx;
    } else {
      if (!Number.isNaN(dx)) prevAdx = (prevAdx * (period - 1) + dx) / period;
      out.adx[i] = prevAdx;
    }
  }
  return out;
}
