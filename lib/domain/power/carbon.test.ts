import { describe, expect, it } from 'vitest';
import { carbonBySource, co2Grams, mixFactor, mixOrSingle, storedMixFactor } from './carbon';

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
  it('by source: 1,000 kWh at 60 % hydro (24 g/kWh) and 40 % coal (820 g/kWh) = 14.4 + 328 = 342.4 kg', () => {
    const parts = carbonBySource(1_000_000, [
      { source: 'hydro', shareBp: 6_000 },
      { source: 'coal', shareBp: 4_000 },
    ]);
    expect(parts).toEqual([
      { source: 'hydro', shareBp: 6_000, energyWh: 600_000, co2G: 14_400 },
      { source: 'coal', shareBp: 4_000, energyWh: 400_000, co2G: 328_000 },
    ]);
    expect(parts.reduce((s, p) => s + p.co2G, 0)).toBe(342_400);
    expect(storedMixFactor([{ source: 'hydro', shareBp: 6_000 }, { source: 'coal', shareBp: 4_000 }])).toBeCloseTo(0.3424, 10);
  });
  it('a site without a stored mix is all its one source', () => {
    expect(mixOrSingle([], 'wind')).toEqual([{ source: 'wind', shareBp: 10_000 }]);
    expect(carbonBySource(2_500, mixOrSingle([], 'wind'))).toEqual([{ source: 'wind', shareBp: 10_000, energyWh: 2_500, co2G: 28 }]); // 27.5 g → 28
  });
});
