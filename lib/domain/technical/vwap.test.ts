import { describe, expect, it } from 'vitest';
import { vwap } from './vwap';

// Typical prices 10, 20, 30, 40 (high = low = close) with volumes 1, 2, 0, 4, worked by hand.
const bars = { high: [10, 20, 30, 40], low: [10, 20, 30, 40], close: [10, 20, 30, 40], volume: [1, 2, 0, 4] };

describe('vwap', () => {
  it('anchored: Σ tp·v / Σ v from the first bar', () => {
    // 10/1 = 10; (10+40)/3 = 16.667; (10+40+0)/3; (10+40+0+160)/7 = 30
    const v = vwap(bars);
    expect(v[0]).toBe(10);
    expect(v[1]).toBeCloseTo(50 / 3, 12);
    expect(v[2]).toBeCloseTo(50 / 3, 12);
    expect(v[3]).toBeCloseTo(30, 12);
  });
  it('rolling over 2 bars, first value on bar 1; NaN where the window traded nothing', () => {
    const v = vwap(bars, 2);
    expect(v[0]).toBeNaN();
    expect(v[1]).toBeCloseTo(50 / 3, 12);
    expect(v[2]).toBeCloseTo(20, 12); // (40 + 0)/2
    expect(v[3]).toBeCloseTo(40, 12); // (0 + 160)/4
    expect(vwap({ ...bars, volume: [0, 0, 0, 0] }, 2).every(Number.isNaN)).toBe(true);
  });
  it('uses the typical price (h+l+c)/3', () => {
    expect(vwap({ high: [12], low: [6], close: [9], volume: [5] })[0]).toBe(9);
  });
});
