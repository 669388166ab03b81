import { describe, expect, it } from 'vitest';
import { TWO_POW_32 } from './constants';
import type { EconomicsInput } from './economics';
import { impliedNetworkHashrateHs } from './revenue';
import { compareScenarios, estimateHeightAt, meanSubsidyBtc, projectRoi, type RoiInput, sensitivityGrid } from './roi';

// As in economics.test.ts: 100 TH/s earns 0.001 BTC/day gross at R + F = 3.2 BTC, so with a 2% fee,
// $100,000/BTC and 72 kWh at $0.05 the day nets $94.40 and a 30.4375-day month $2,873.30.
const difficulty = (100e12 * 86_400 * 3.2) / (0.001 * TWO_POW_32);
const economics: EconomicsInput = {
  hashrateThs: 100,
  powerW: 3000,
  quantity: 1,
  electricityUsdPerKwh: 0.05,
  poolFeePct: 2,
  payoutScheme: 'FPPS',
  hostingFeeUsdPerUnitMonth: 0,
  uptimePct: 100,
  btcPriceUsd: 100_000,
  difficulty,
  networkHashrateHs: impliedNetworkHashrateHs(difficulty),
  blockRewardBtc: 3.125,
  feesPerBlockBtc: 0.075,
  capexUsd: 10_000,
};
const now = new Date('2026-01-01T00:00:00Z');
const flat: RoiInput = { economics, months: 12, difficultyGrowthPctPerMonth: 0, priceGrowthPctPerMonth: 0, blockHeight: 900_000, now };

describe('projectRoi', () => {
  it('flat market: every month nets $2,873.30 and the $10,000 capex is repaid in month 4', () => {
    const r = projectRoi(flat);
    expect(r.months).toHaveLength(12);
    for (const m of r.months) expect(m.netProfitUsd).toBeCloseTo(2873.3, 6);
    // −10,000 + 3 × 2,873.30 = −1,380.10 < 0; + 2,873.30 = 1,493.20 ≥ 0
    expect(r.months[2]!.cumulativeUsd).toBeCloseTo(-1380.1, 6);
    expect(r.paybackMonth).toBe(4);
    // 12 × 2,873.30 = 34,479.60; ROI = (34,479.60 − 10,000) / 10,000 = 244.796%
    expect(r.totalNetUsd).toBeCloseTo(34_479.6, 6);
    expect(r.roiPct).toBeCloseTo(244.796, 6);
    expect(r.halving.month).toBeNull();
  });

  it('difficulty +10%/month cuts month 2 BTC by 1/1.1; price +10%/month lifts month 2 USD revenue by 1.1', () => {
    const d = projectRoi({ ...flat, difficultyGrowthPctPerMonth: 10 });
    expect(d.months[1]!.revenueBtc).toBeCloseTo(d.months[0]!.revenueBtc / 1.1, 12);
    expect(d.months[1]!.difficulty).toBeCloseTo(difficulty * 1.1, 0);
    const p = projectRoi({ ...flat, priceGrowthPctPerMonth: 10 });
    expect(p.months[1]!.revenueUsd).toBeCloseTo(p.months[0]!.revenueUsd * 1.1, 8);
    expect(p.months[1]!.revenueBtc).toBeCloseTo(p.months[0]!.revenueBtc, 15);
  });

  it('the halving 10,000 blocks ahead lands ~69.4 days out, in month 3, and halves the subsidy after it', () => {
    const r = projectRoi({ ...flat, blockHeight: 1_040_000 });
    // 10,000 blocks × 600 s = 6,000,000 s = 69.44 days
    expect(r.halving).toEqual({ height: 1_050_000, estimatedAt: new Date(now.getTime() + 6_000_000_000).toISOString(), month: 3 });
    expect(r.months[0]!.blockRewardBtc).toBe(3.125);
    expect(r.months[2]!.blockRewardBtc).toBeGreaterThan(1.5625);
    expect(r.months[2]!.blockRewardBtc).toBeLessThan(3.125);
    expect(r.months[3]!.blockRewardBtc).toBe(1.5625);
    // after it R + F = 1.5625 + 0.075 = 1.6375 instead of 3.2
    expect(r.months[3]!.revenueBtc / r.months[0]!.revenueBtc).toBeCloseTo(1.6375 / 3.2, 12);
  });

  it('never repays when the month loses money', () => {
    const r = projectRoi({ ...flat, economics: { ...economics, electricityUsdPerKwh: 2 } });
    expect(r.paybackMonth).toBeNull();
    expect(r.months.at(-1)!.cumulativeUsd).toBeLessThan(-10_000);
  });

  it.each([5, 61, Number.NaN])('refuses %s months', (months) => expect(() => projectRoi({ ...flat, months })).toThrow(RangeError));
});

describe('estimateHeightAt', () => {
  it.each([
    // one day later at 10-minute blocks: +144
    ['2026-01-02T00:00:00Z', 900_144],
    ['2026-01-01T00:09:59Z', 900_000],
    // an observation "from the future" never moves the height back
    ['2025-12-31T00:00:00Z', 900_000],
  ])('at %s → %i', (at, want) => expect(estimateHeightAt(900_000, now, new Date(at))).toBe(want));
});

describe('meanSubsidyBtc', () => {
  it.each([
    [900_000, 901_000, 3.125],
    // 1,000 blocks at 3.125 + 1,000 at 1.5625 → 2.34375
    [1_049_000, 1_051_000, 2.34375],
    [1_050_000, 1_060_000, 1.5625],
  ])('%i → %i is %f', (from, to, want) => expect(meanSubsidyBtc(from, to)).toBeCloseTo(want, 12));
});

describe('sensitivityGrid and scenarios', () => {
  it('a 5×5 grid whose centre is the base case and which rises with price and falls with difficulty', () => {
    const grid = sensitivityGrid(flat);
    expect(grid).toHaveLength(5);
    expect(grid[1]![2]).toMatchObject({ pricePct: 0, difficultyPct: 0 });
    expect(grid[1]![2]!.cumulativeUsd).toBeCloseTo(projectRoi(flat).months.at(-1)!.cumulativeUsd, 6);
    expect(grid[1]![4]!.cumulativeUsd).toBeGreaterThan(grid[1]![0]!.cumulativeUsd);
    expect(grid[4]![2]!.cumulativeUsd).toBeLessThan(grid[0]![2]!.cumulativeUsd);
  });

  it('compares up to four scenarios', () => {
    const s21: RoiInput = { ...flat, economics: { ...economics, hashrateThs: 200, powerW: 3500 } };
    const [a, b] = compareScenarios([flat, s21]);
    expect(b!.totalNetUsd).toBeGreaterThan(a!.totalNetUsd);
    expect(() => compareScenarios([flat, flat, flat, flat, flat])).toThrow(RangeError);
  });
});
