import { describe, expect, it } from 'vitest';
import { co2Grams, mixFactor } from './carbon';

describe('carbon', () => {
  it.each([
    [{ hydro: 1 }, 0.024],
    [{ hydro: 0.6, grid: 0.4 }, 0.6 * 0.024 + 0.4 * 0.42], // 0.1824
    [{ solar: 30, natural_gas: 70 }, 0.3 * 0.048 + 0.7 * 0.41], // shares as percentages: 0.3014
    [{}, 0.42],
  ])('mix %j → %f kg/kWh', (mix, factor) => {
    expect(mixFactor(mix)).toBeCloseTo(factor, 10);
  });
  it('a mixed-source site: 1,000 kWh at 60 % hydro / 40 % grid = 182.4 kg', () => {
    expect(co2Grams(1_000_000, mixFactor({ hydro: 0.6, grid: 0.4 }))).toBe(182_400);
  });
});
