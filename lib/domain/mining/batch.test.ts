import { describe, expect, it } from 'vitest';
import { TWO_POW_32 } from './constants';
import { type BatchRow, type BatchShared, computeBatch, sortBatch } from './batch';
import { impliedNetworkHashrateHs } from './revenue';
import { modelIndex } from './resolve-input';

// 1 TH/s earns 0.00001 BTC/day gross at this difficulty with R + F = 3.2 BTC (see economics.test.ts).
const difficulty = (100e12 * 86_400 * 3.2) / (0.001 * TWO_POW_32);
const shared: BatchShared = {
  poolFeePct: 0,
  payoutScheme: 'FPPS',
  uptimePct: 100,
  hostingFeeUsdPerUnitMonth: 0,
  network: { btcPriceUsd: 100_000, difficulty, networkHashrateHs: impliedNetworkHashrateHs(difficulty), blockRewardBtc: 3.125, feesPerBlockBtc: 0.075 },
};
const models = modelIndex([
  { name: 'Antminer S21', hashrateThs: 200, powerW: 3500 },
  { name: 'Antminer S19', hashrateThs: 95, powerW: 3250 },
]);

describe('computeBatch', () => {
  const rows: BatchRow[] = [
    // 2 × 200 TH/s = 400 TH/s → 0.004 BTC = $400; 7 kW × 24 = 168 kWh × $0.05 = $8.40 → $391.60
    { row: 2, model: 'antminer s21', quantity: 2, electricityUsdPerKwh: 0.05 },
    // custom 100 TH/s at 30 J/TH = 3,000 W; 2% fee → 0.00098 BTC = $98; 72 kWh × $0.10 = $7.20 → $90.80
    { row: 3, hashrateThs: 100, efficiencyJPerTh: 30, quantity: 1, electricityUsdPerKwh: 0.1, poolFeePct: 2 },
    { row: 4, model: 'Antminer S99', quantity: 1, electricityUsdPerKwh: 0.05 },
  ];
  const { results, errors, totals } = computeBatch(rows, models, shared);

  it('prices each valid row by hand-checked figures', () => {
    expect(results.map((r) => r.row)).toEqual([2, 3]);
    expect(results[0]).toMatchObject({ model: 'Antminer S21', hashrateThs: 400, powerKw: 7 });
    expect(results[0]!.netProfitUsdPerDay).toBeCloseTo(391.6, 9);
    expect(results[1]!.powerKw).toBeCloseTo(3, 12);
    expect(results[1]!.netProfitUsdPerDay).toBeCloseTo(90.8, 9);
  });

  it('lists an unknown model as a row error and leaves it out of the totals', () => {
    expect(errors).toEqual([{ row: 4, field: 'model', reason: 'unknownModel' }]);
    expect(totals.quantity).toBe(3);
    expect(totals.netProfitUsdPerDay).toBeCloseTo(391.6 + 90.8, 9);
    expect(totals.revenueUsdPerDay).toBeCloseTo(498, 9);
    expect(totals.marginPct).toBeCloseTo((482.4 / 498) * 100, 9);
  });

  it('sorts either way with nulls last', () => {
    expect(sortBatch(results, 'netProfitUsdPerDay', 'asc').map((r) => r.row)).toEqual([3, 2]);
    expect(sortBatch(results, 'netProfitUsdPerDay', 'desc').map((r) => r.row)).toEqual([2, 3]);
    expect(sortBatch(results, 'paybackDays', 'asc').map((r) => r.paybackDays)).toEqual([null, null]);
    expect(sortBatch(results, 'model', 'asc').map((r) => r.model)).toEqual(['', 'Antminer S21']);
  });
});
