import { describe, expect, it } from 'vitest';
import * as fixture from './roi-fixture';
import { compareScenarios, estimateHeightAt, meanSubsidyBtc, projectRoi, type RoiInput, sensitivityGrid, usdToCents } from './roi';

// As in economics.test.ts: 100 TH/s earns 0.001 BTC/day gross at R + F = 3.2 BTC, so with a 2% fee,
// $100,000/BTC and 72 kWh at $0.05 the day nets $94.40 and a 30.4375-day month $2,873.30: revenue
// $98 × 30.4375 = $2,982.875 → 298,288 ¢, power $3.60 × 30.4375 = $109.575 → 10,958 ¢ (half-cents
// round up), net 287,330 ¢.
const { ROI_DIFFICULTY: difficulty, ROI_ECONOMICS: economics, ROI_NOW: now, ROI_FLAT: flat } = fixture;

describe('projectRoi', () => {
  it('flat market: every month nets $2,873.30 and the $10,000 capex is repaid in month 4', () => {
    const r = projectRoi(flat);
    expect(r.months).toHaveLength(12);
    for (const m of r.months) expect(m).toMatchObject({ revenueCents: 298_288, powerCostCents: 10_958, hostingFeeCents: 0, netCents: 287_330, running: true });
    // −10,000 + 3 × 2,873.30 = −1,380.10 < 0; + 2,873.30 = 1,493.20 ≥ 0
    expect(r.months[2]!.cumulativeCents).toBe(-138_010);
    expect(r.months[3]!.cumulativeCents).toBe(149_320);
    expect(r.paybackMonth).toBe(4);
    // 12 × 2,873.30 = 34,479.60; ROI = (34,479.60 − 10,000) / 10,000 = 244.796%
    expect(r.totalNetCents).toBe(3_447_960);
    expect(r.roiPct).toBeCloseTo(244.796, 9);
    expect(r.monthsOff).toBe(0);
    expect(r.halving.month).toBeNull();
  });

  it('difficulty +10%/month cuts month 2 BTC by 1/1.1; price +10%/month lifts month 2 USD revenue by 1.1', () => {
    const d = projectRoi({ ...flat, difficultyGrowthPctPerMonth: 10 });
    expect(d.months[1]!.revenueBtc).toBeCloseTo(d.months[0]!.revenueBtc / 1.1, 12);
    expect(d.months[1]!.difficulty).toBeCloseTo(difficulty * 1.1, 0);
    const p = projectRoi({ ...flat, priceGrowthPctPerMonth: 10 });
    // $2,982.875 × 1.1 = $3,281.1625 → 328,116 ¢: a month's revenue is rounded once, from its dollars
    expect(p.months[1]!.revenueCents).toBe(328_116);
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
    expect(r.months.at(-1)!.cumulativeCents).toBeLessThan(-1_000_000);
  });

  it.each([5, 61, Number.NaN])('refuses %s months', (months) => expect(() => projectRoi({ ...flat, months })).toThrow(RangeError));
});

describe('switching off when the month loses money', () => {
  // An old 100 TH/s machine at 10 kW on $0.30/kWh, no pool fee, $1,000 capex, flat market, and the
  // halving exactly two months ahead: 1,050,000 − 2 × 4,383 blocks (a 30.4375-day month is 4,383 blocks).
  //   months 1–2, R + F = 3.2:    0.001 BTC/day = $100/day → $3,043.75 = 304,375 ¢ revenue
  //   months 3–6, R + F = 1.6375: 0.00051171875 BTC/day = $51.171875/day → $1,557.544921875 → 155,754 ¢
  //   power every month: 240 kWh × $0.30 = $72/day → $2,191.50 = 219,150 ¢
  // so a month nets +85,225 ¢ before the halving and −63,396 ¢ after it.
  const old: RoiInput = {
    economics: { ...economics, powerW: 10_000, electricityUsdPerKwh: 0.3, poolFeePct: 0, capexUsd: 1_000 },
    months: 6,
    difficultyGrowthPctPerMonth: 0,
    priceGrowthPctPerMonth: 0,
    blockHeight: 1_050_000 - 2 * 4_383,
    now,
  };

  it('the halving month turns the net negative; switched off, months 3–6 add 0 instead of 4 × −63,396 ¢', () => {
    const on = projectRoi(old);
    const off = projectRoi({ ...old, switchOffWhenUnprofitable: true });
    expect(on.halving.month).toBe(3);
    expect(on.months.map((m) => [m.revenueCents, m.powerCostCents, m.netCents])).toEqual([
      [304_375, 219_150, 85_225],
      [304_375, 219_150, 85_225],
      [155_754, 219_150, -63_396],
      [155_754, 219_150, -63_396],
      [155_754, 219_150, -63_396],
      [155_754, 219_150, -63_396],
    ]);
    // −100,000 + 2 × 85,225 = 70,450, then −63,396 a month: 7,054, −56,342, −119,738, −183,134
    expect(on.months.map((m) => m.cumulativeCents)).toEqual([-14_775, 70_450, 7_054, -56_342, -119_738, -183_134]);
    expect(on).toMatchObject({ totalNetCents: -83_134, paybackMonth: null, monthsOff: 0 });
    expect(on.roiPct).toBeCloseTo(-183.134, 9);

    // the same revenue and power are shown for the months off, but they add nothing
    expect(off.months.map((m) => m.running)).toEqual([true, true, false, false, false, false]);
    expect(off.months.map((m) => m.revenueCents)).toEqual(on.months.map((m) => m.revenueCents));
    expect(off.months.map((m) => m.netCents)).toEqual([85_225, 85_225, 0, 0, 0, 0]);
    expect(off.months.map((m) => m.cumulativeCents)).toEqual([-14_775, 70_450, 70_450, 70_450, 70_450, 70_450]);
    expect(off).toMatchObject({ totalNetCents: 170_450, paybackMonth: 2, monthsOff: 4 });
    expect(off.roiPct).toBeCloseTo(70.45, 9);

    // the switch-off is worth exactly the four losses avoided: 4 × 63,396 = 253,584 ¢, 253.584 ROI points
    expect(off.months.at(-1)!.cumulativeCents - on.months.at(-1)!.cumulativeCents).toBe(253_584);
    expect(off.roiPct! - on.roiPct!).toBeCloseTo(253.584, 9);
    on.months.forEach((m, i) => expect(off.months[i]!.cumulativeCents).toBeGreaterThanOrEqual(m.cumulativeCents));
  });

  it('a month off still owes the flat hosting fee: $10/unit/month makes it −1,000 ¢, not 0', () => {
    const fee = { ...old, economics: { ...old.economics, hostingFeeUsdPerUnitMonth: 10 } };
    const on = projectRoi(fee);
    const off = projectRoi({ ...fee, switchOffWhenUnprofitable: true });
    // the decision is on revenue − power (the fee is due either way): still months 3–6
    expect(off.months.map((m) => m.netCents)).toEqual([84_225, 84_225, -1_000, -1_000, -1_000, -1_000]);
    // −100,000 + 2 × 84,225 − 4 × 1,000 = 64,450; on: −100,000 + 2 × 84,225 − 4 × 64,396 = −189,134
    expect(off.months.at(-1)!.cumulativeCents).toBe(64_450);
    expect(on.months.at(-1)!.cumulativeCents).toBe(-189_134);
  });

  it('a profitable month is never switched off', () => {
    const r = projectRoi({ ...flat, switchOffWhenUnprofitable: true });
    expect(r.monthsOff).toBe(0);
    expect(r.totalNetCents).toBe(projectRoi(flat).totalNetCents);
  });
});

describe('usdToCents', () => {
  it.each([
    [2_191.5, 219_150],
    [2_982.875, 298_288],
    [1_557.544921875, 155_754],
    [0.1 + 0.2, 30],
    [0.005, 1],
    [-0.005, -1],
    [-63.396, -6_340],
    [0, 0],
  ])('$%f → %i ¢', (usd, cents) => expect(usdToCents(usd)).toBe(cents));
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
    expect(grid[1]![2]!.cumulativeCents).toBe(projectRoi(flat).months.at(-1)!.cumulativeCents);
    expect(grid[1]![4]!.cumulativeCents).toBeGreaterThan(grid[1]![0]!.cumulativeCents);
    expect(grid[4]![2]!.cumulativeCents).toBeLessThan(grid[0]![2]!.cumulativeCents);
  });

  it('compares up to four scenarios', () => {
    const s21: RoiInput = { ...flat, economics: { ...economics, hashrateThs: 200, powerW: 3500 } };
    const [a, b] = compareScenarios([flat, s21]);
    expect(b!.totalNetCents).toBeGreaterThan(a!.totalNetCents);
    expect(() => compareScenarios([flat, flat, flat, flat, flat])).toThrow(RangeError);
  });
});
