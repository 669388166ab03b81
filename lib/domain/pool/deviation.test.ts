import { describe, expect, it } from 'vitest';
import { deviationPct, isDeviant } from './deviation';

describe('pool vs miner hashrate deviation', () => {
  it.each([
    [110, 100, 10],
    [90, 100, -10],
    [100, 100, 0],
    [0, 200, -100],
    [100, 0, null],
    [null, 100, null],
    [100, null, null],
    [Number.NaN, 100, null],
  ])('pool %s TH/s vs miner %s TH/s → %s %%', (pool, miner, want) => {
    const got = deviationPct(pool, miner);
    if (want === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(want, 9);
  });

  it('flags only beyond the threshold, in either direction', () => {
    expect(isDeviant(10)).toBe(false);
    expect(isDeviant(10.01)).toBe(true);
    expect(isDeviant(-12)).toBe(true);
    expect(isDeviant(null)).toBe(false);
    expect(isDeviant(4, 3)).toBe(true);
  });
});
