import { describe, expect, it } from 'vitest';
import { ichimoku } from './ichimoku';

// Short periods (2/3/4, displacement 2) on 6 bars so every value is checked by hand.
const high = [10, 12, 11, 15, 14, 13];
const low = [8, 9, 7, 12, 11, 10];
const close = [9, 11, 10, 14, 12, 11];

describe('ichimoku', () => {
  const r = ichimoku({ high, low, close }, 2, 3, 4, 2);
  it('conversion and base lines are the midpoints of the highest high and lowest low', () => {
    // conversion (2 bars): bar1 (12+8)/2 = 10, bar2 (12+7)/2 = 9.5, bar3 (15+7)/2 = 11, bar4 (15+11)/2 = 13, bar5 (14+10)/2 = 12
    expect(r.conversion).toEqual([NaN, 10, 9.5, 11, 13, 12]);
    // base (3 bars): bar2 (12+7)/2 = 9.5, bar3 (15+7)/2 = 11, bar4 (15+7)/2 = 11, bar5 (15+10)/2 = 12.5
    expect(r.base).toEqual([NaN, NaN, 9.5, 11, 11, 12.5]);
  });
  it('span A and B are drawn `displacement` bars ahead, the rest beyond the last bar', () => {
    // A at bar i = (conv+base)/2 of bar i−2: bar4 ← bar2 (9.5+9.5)/2 = 9.5, bar5 ← bar3 (11+11)/2 = 11
    expect(r.spanA).toEqual([NaN, NaN, NaN, NaN, 9.5, 11]);
    // B (4 bars): bar3 (15+7)/2 = 11, bar4 (15+7)/2 = 11, bar5 (15+7)/2 = 11 (bar 2's low 7 is still in the window) → drawn at 5, ahead[0], ahead[1]
    expect(r.spanB).toEqual([NaN, NaN, NaN, NaN, NaN, 11]);
    expect(r.ahead.spanA).toEqual([(13 + 11) / 2, (12 + 12.5) / 2]);
    expect(r.ahead.spanB).toEqual([11, 11]);
  });
  it('the lagging span is the close drawn `displacement` bars back', () => {
    expect(r.lagging).toEqual([10, 14, 12, 11, NaN, NaN]);
  });
});
