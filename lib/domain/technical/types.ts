/**
 * Daily bars as parallel arrays (oldest first), the shape TA-Lib takes: one allocation per field
 * instead of one object per bar, so 5,000 bars and a dozen indicators stay well under 50 ms.
 */
export type Bars = {
  open: readonly number[];
  high: readonly number[];
  low: readonly number[];
  close: readonly number[];
  /** Traded volume per bar; absent when the source has none (OBV and VWAP then have no value). */
  volume?: readonly number[];
};

/** An indicator line aligned with the bars: NaN where it has no value yet (the warm-up, TA-Lib's lookback). */
export type Line = number[];

export const nanLine = (n: number): Line => new Array<number>(n).fill(NaN);

/** TA-Lib's "zero" for a divisor or a sum of oscillator parts (TA_IS_ZERO, ε = 1e-14). */
export const EPSILON = 1e-14;
export const isZero = (v: number) => -EPSILON < v && v < EPSILON;

export function assertPeriod(name: string, period: number, min = 1): void {
  if (!Number.isInteger(period) || period < min) throw new RangeError(`${name}: period must be an integer ≥ ${min}, got ${period}`);
}
