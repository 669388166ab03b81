import { type Bars, type Line, nanLine } from './types';
import { rollingHighest, rollingLowest } from './window';

export type Ichimoku = {
  /** Tenkan-sen: (highest high + lowest low)/2 over `conversion` bars. */
  conversion: Line;
  /** Kijun-sen: the same over `base` bars. */
  base: Line;
  /** Senkou span A on the bar it is drawn at: (tenkan + kijun)/2 of `displacement` bars earlier. */
  spanA: Line;
  /** Senkou span B on the bar it is drawn at: the midpoint over `spanB` bars, `displacement` bars earlier. */
  spanB: Line;
  /** Chikou span on the bar it is drawn at: the close `displacement` bars later (NaN for the last ones). */
  lagging: Line;
  /** The cloud's `displacement` bars beyond the last bar (span A and B computed on the last bars). */
  ahead: { spanA: Line; spanB: Line };
};

function midpoint({ high, low }: Pick<Bars, 'high' | 'low'>, period: number): Line {
  const hh = rollingHighest(high, period);
  const ll = rollingLowest(low, period);
  return hh.map((h, i) => (h + ll[i]!) / 2);
}

/**
 * Ichimoku kinkō hyō (not in TA-Lib), Hosoda's 9/26/52 with a 26-bar displacement by default.
 * The spans are shifted forward so each array lines up with the bars it is drawn over; the
 * `displacement` values past the last bar are returned in `ahead`.
 */
export function ichimoku(bars: Pick<Bars, 'high' | 'low' | 'close'>, conversion = 9, base = 26, spanB = 52, displacement = 26): Ichimoku {
  const n = bars.close.length;
  const tenkan = midpoint(bars, conversion);
  const kijun = midpoint(bars, base);
  const b = midpoint(bars, spanB);
  const a = tenkan.map((t, i) => (t + kijun[i]!) / 2);
  const out: Ichimoku = { conversion: tenkan, base: kijun, spanA: nanLine(n), spanB: nanLine(n), lagging: nanLine(n), ahead: { spanA: nanLine(displacement), spanB: nanLine(displacement) } };
  for (let i = 0; i < n; i++) {
    const to = i + displacement;
    if (to < n) {
      out.spanA[to] = a[i]!;
      out.spanB[to] = b[i]!;
    } else {
      out.ahead.spanA[to - n] = a[i]!;
      out.ahead.spanB[to - n] = b[i]!;
    }
    if (i >= displacement) out.lagging[i - displacement] = bars.close[i]!;
  }
  return out;
}
