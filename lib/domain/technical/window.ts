import { type Line, nanLine } from './types';

/*
 * The highest (or lowest) of each `period`-bar window ending at each bar, NaN before bar
 * period−1. A monotonic deque of indexes keeps it O(n) whatever the period (Ichimoku's 52-bar
 * window on 5,000 bars was a quarter of the page's compute time with a plain rescan). Two loops
 * rather than one with a comparator: a comparator call per step made it several times slower.
 */

export function rollingHighest(values: readonly number[], period: number): Line {
  const n = values.length;
  const out = nanLine(n);
  const q = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    while (tail > head && v > values[q[tail - 1]!]!) tail--;
    q[tail++] = i;
    if (q[head]! <= i - period) head++;
    if (i >= period - 1) out[i] = values[q[head]!]!;
  }
  return out;
}

export function rollingLowest(values: readonly number[], period: number): Line {
  const n = values.length;
  const out = nanLine(n);
  const q = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    while (tail > head && v < values[q[tail - 1]!]!) tail--;
    q[tail++] = i;
    if (q[head]! <= i - period) head++;
    if (i >= period - 1) out[i] = values[q[head]!]!;
  }
  return out;
}
