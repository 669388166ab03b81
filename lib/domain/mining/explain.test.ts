import { describe, expect, it } from 'vitest';
import * as fixture from './roi-fixture';
import { driverEffects, explainRoi, maxDifficultyGrowthForPayback } from './explain';
import { projectRoi, type RoiInput } from './roi';

// The economics of roi.test.ts: 100 TH/s, 0.001 BTC/day gross at R + F = 3.2, 2 % pool fee,
// $100,000, 72 kWh/day at $0.05, capex $10,000. A month earns $2,982.875 → 298,288 ¢, power
// $109.575 → 10,958 ¢, net 287,330 ¢; twelve months end at 12 × 287,330 − 1,000,000 = 2,447,960 ¢.
const { ROI_ECONOMICS: economics, ROI_NOW: now, ROI_FLAT: flat } = fixture;

describe('driverEffects (each ±10 %, twelve flat months)', () => {
  const effects = driverEffects(flat, projectRoi(flat));
  it.each([
    // driver, Δ end at +10 %, Δ end at −10 %; worked per month × 12:
    // difficulty: $2,982.875 / 1.1 = 2,711.7045 → 271,170 ¢ (−27,118); / 0.9 = 3,314.3056 → 331,431 ¢ (+33,143)
    ['difficulty', -325_416, 397_716],
    // price: × 1.1 = 3,281.1625 → 328,116 ¢ (+29,828); × 0.9 = 2,684.5875 → 268,459 ¢ (−29,829)
    ['price', 357_936, -357_948],
    // hashrate at the same power: the same revenue as the price
    ['hashrate', 357_936, -357_948],
    // electricity: $109.575 × 1.1 = 120.5325 → 12,053 ¢ (−1,095); × 0.9 = 98.6175 → 9,862 ¢ (+1,096)
    ['electricity', -13_140, 13_152],
    // fees 0.075 → 0.0825: R + F = 3.2075, $2,989.8661 → 298,987 ¢ (+699); 0.0675: 3.1925, $2,975.8839 → 297,588 ¢ (−700)
    ['fees', 8_388, -8_400],
  ] as const)('rank %#: %s moves the end by %i / %i ¢', (driver, up, down) => {
    const i = ['difficulty', 'price', 'hashrate', 'electricity', 'fees'].indexOf(driver);
    expect(effects[i]).toMatchObject({ driver, upCents: up, downCents: down });
  });
  it('every shift of ±10 % still repays in month 4 (the −10 % price month nets 257,501 ¢: −227,497 after 3, +30,004 after 4)', () => {
    for (const e of effects) expect([e.upPayback, e.downPayback]).toEqual([4, 4]);
  });
});

describe('maxDifficultyGrowthForPayback', () => {
  it('twelve months repay $10,000 up to ≈34.4 %/month: Σ x^m (m = 0…11) ≥ (10,000 + 12 × 109.575) / 2,982.875 = 3.7933 at x = 1/1.344', () => {
    const g = maxDifficultyGrowthForPayback(flat)!;
    expect(g).toBeGreaterThanOrEqual(34.3);
    expect(g).toBeLessThanOrEqual(34.4);
    expect(projectRoi({ ...flat, difficultyGrowthPctPerMonth: g }).paybackMonth).not.toBeNull();
    expect(projectRoi({ ...flat, difficultyGrowthPctPerMonth: g + 0.1 }).paybackMonth).toBeNull();
  });
  it('null when even −20 %/month does not repay; Infinity when +100 %/month still does', () => {
    expect(maxDifficultyGrowthForPayback({ ...flat, economics: { ...economics, capexUsd: 10_000_000 } })).toBeNull();
    expect(maxDifficultyGrowthForPayback({ ...flat, economics: { ...economics, capexUsd: 100 } })).toBe(Number.POSITIVE_INFINITY);
  });
});

const keys = (input: RoiInput, forecast: Parameters<typeof explainRoi>[2] = null) => explainRoi(input, projectRoi(input), forecast).lines.map((l) => l.key);

describe('explainRoi lines', () => {
  it.each([
    ['flat, repaid in month 4', flat, ['repaid', 'top.difficulty', 'breakEvenPrice', 'breakEvenPower', 'halvingBeyond', 'difficultyLimit']],
    ['no capex', { ...flat, economics: { ...economics, capexUsd: 0 } }, ['noCapex', 'top.difficulty', 'breakEvenPrice', 'breakEvenPower', 'halvingBeyond', 'difficulty']],
    ['not repaid', { ...flat, economics: { ...economics, capexUsd: 1_000_000 } }, ['notRepaid', 'top.difficulty', 'breakEvenPrice', 'breakEvenPower', 'halvingBeyond', 'difficulty']],
    // $2/kWh: 72 kWh cost $144 a day against $98 of revenue, so ±10 % of power ($14.40/day) outweighs ±10 % of price ($9.80)
    ['losing every day', { ...flat, economics: { ...economics, electricityUsdPerKwh: 2 } }, ['notRepaid', 'top.electricity', 'breakEvenPriceAbove', 'breakEvenPowerBelow', 'halvingBeyond', 'difficulty']],
    ['halving in month 3, repaid in month 5', { ...flat, blockHeight: 1_040_000 }, ['repaid', 'top.difficulty', 'breakEvenPrice', 'breakEvenPower', 'halvingBeforePayback', 'difficultyLimit']],
  ] as const)('%s', (_name, input, expected) => {
    expect(keys(input as RoiInput)).toEqual(expected);
  });

  it('figures: payback, break-even price $3,673.47 (96.33 % below), break-even power $1.3611/kWh', () => {
    const { lines } = explainRoi(flat, projectRoi(flat));
    const by = Object.fromEntries(lines.map((l) => [l.key, l.values]));
    expect(by.repaid).toEqual({ month: { kind: 'month', value: 4 }, months: { kind: 'count', value: 12 }, end: { kind: 'cents', value: 2_447_960 } });
    // $3.60 of power a day / 0.00098 BTC = $3,673.4694; 1 − 3,673.4694 / 100,000 = 96.3265 %
    expect(by.breakEvenPrice!.price!.value).toBeCloseTo(3_673.469_387_755, 6);
    expect(by.breakEvenPrice!.pct!.value).toBeCloseTo(96.326_530_612, 6);
    // $98 of revenue a day / 72 kWh
    expect(by.breakEvenPower!.price!.value).toBeCloseTo(1.361_111_111, 9);
    // 150,000 blocks × 600 s to height 1,050,000
    expect(by.halvingBeyond!.date).toEqual({ kind: 'date', value: new Date(now.getTime() + 90_000_000_000).toISOString() });
    expect(by.difficultyLimit!.drop).toEqual({ kind: 'pct', value: 0 });
  });

  it('halving in month 3: month 2 nets 287,330 ¢, month 4 at R + F = 1.6375 nets 141,681 ¢', () => {
    const input = { ...flat, blockHeight: 1_040_000 };
    const line = explainRoi(input, projectRoi(input)).lines.find((l) => l.key === 'halvingBeforePayback')!;
    // $2,982.875 / 3.2 = $932.1484375 × 1.6375 = $1,526.3931 → 152,639 ¢; − 10,958 = 141,681 ¢
    expect(line.values).toMatchObject({ month: { value: 3 }, before: { value: 287_330 }, after: { value: 141_681 } });
  });

  it('difficulty growth 3 %/month: the last of 12 months mines 1 − 1.03⁻¹¹ = 1 − 1/1.384234 = 27.758 % less BTC', () => {
    const input = { ...flat, difficultyGrowthPctPerMonth: 3 };
    const line = explainRoi(input, projectRoi(input)).lines.find((l) => l.key.startsWith('difficulty'))!;
    expect(line.values.drop!.value).toBeCloseTo(27.757_9, 3);
  });

  it('the forecast line only with capex and a forecast; a missing payback stays null', () => {
    const f = { central: 4, low95: null, high95: 3, low80: 6, high80: 4 };
    expect(keys(flat, f)).toContain('forecast');
    expect(keys({ ...flat, economics: { ...economics, capexUsd: 0 } }, f)).not.toContain('forecast');
    const line = explainRoi(flat, projectRoi(flat), f).lines.at(-1)!;
    expect(line.values.low95).toEqual({ kind: 'month', value: null });
    expect(line.values.central).toEqual({ kind: 'month', value: 4 });
  });
});
