import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/core/errors';
import { buildBacktestDays, eachDay, type HistoryDay, type ProductionModel, toRanges } from './backtest-input';

/*
 * The stored days around the halving (data/btc-network/network-daily.csv): difficulty
 * 86,388,558,925,171.02 (epoch 416, implied hashrate 630.455 EH/s) on both days; fees 116.94264961 BTC
 * on 2024-04-19 and 1,257.71544525 BTC on 2024-04-20 (the Runes launch). The test gives 04-19 a block
 * count of 144 so both ways of finding fees per block are worked; 04-20 takes the epoch's implied
 * 630.455e18 · 86400 / (D · 2^32) = 146.80868 blocks, so 8.5670371 BTC per block.
 * Fleet: 1,000 × 200 TH/s, 3,500 W, $0.05/kWh; pool fee 2.5 %; $31,000 other costs a month.
 */
const D = 86_388_558_925_171.02;
const history: HistoryDay[] = [
  { day: '2024-04-19', difficulty: D, blocks: 144, feesBtc: 116.94264961, subsidyBtc: 6.25, epochHashrateHs: 630.455e18 },
  { day: '2024-04-20', difficulty: D, blocks: null, feesBtc: 1257.71544525, subsidyBtc: 3.125, epochHashrateHs: 630.455e18 },
];
const closes = new Map([
  ['2024-04-19', 63_848.26],
  ['2024-04-20', 64_979.21],
]);
const model: ProductionModel = { fleet: [{ model: 'S21', count: 1_000, hashrateThs: 200, powerW: 3_500, usdPerKwh: 0.05 }], poolFeeBps: 250, uptimeBps: 10_000, otherCostsCentsPerMonth: 3_100_000 };

describe('backtest days from stored history and a fleet', () => {
  it('models production with each day’s subsidy, difficulty and fees, and costs in cents', () => {
    const { days, feesCarriedDays } = buildBacktestDays({ from: '2024-04-19', to: '2024-04-20' }, history, closes, model);
    expect(feesCarriedDays).toEqual([]);
    // 04-19: 2e17 H/s · 86400 · (6.25 + 116.94264961/144) / (D · 2^32) · 0.975 = 0.320675834 BTC → 32,067,583 sats.
    // 04-20: 2e17 · 86400 · (3.125 + 8.5670371) / (D · 2^32) · 0.975 = 0.530911887 BTC → 53,091,188 sats.
    expect(days.map((d) => d.producedSats)).toEqual([32_067_583, 53_091_188]);
    // Energy 1,000 · 3,500 W · 24 h = 84,000 kWh · $0.05 = $4,200 = 420,000 ¢; other costs of an April
    // day: ⌊3,100,000 · 19 / 30⌋ − ⌊3,100,000 · 18 / 30⌋ = 1,963,333 − 1,860,000 = 103,333 ¢.
    expect(days.map((d) => d.costsCents)).toEqual([523_333, 523_333]);
    expect(days.map((d) => d.closeCentsPerBtc)).toEqual([6_384_826, 6_497_921]);
    // Hashprice 04-19: 1e15 · 86400 · 7.0621017 / (D · 2^32) = 0.00164449 BTC/PH/day · $63,848.26 = $105.00.
    expect(days[0]!.hashpriceUsdPerPhDay).toBeCloseTo(0.001644491455 * 63_848.26, 6);
  });

  it('feels the halving: the same difficulty and fees per block mine less after block 840,000', () => {
    const same = history.map((h) => ({ ...h, blocks: 144, feesBtc: 144 * 0.5 }));
    const { days } = buildBacktestDays({ from: '2024-04-19', to: '2024-04-20' }, same, closes, model);
    // (3.125 + 0.5) / (6.25 + 0.5) = 0.537037: production falls by nearly half overnight.
    expect(days[1]!.producedSats / days[0]!.producedSats).toBeCloseTo(3.625 / 6.75, 6);
  });

  it('refuses a period with missing prices and names the range (never fills it)', () => {
    const run = () => buildBacktestDays({ from: '2024-04-18', to: '2024-04-21' }, history, new Map([['2024-04-19', 63_848.26]]), model);
    expect(run).toThrow(AppError);
    try {
      run();
    } catch (e) {
      expect((e as AppError).code).toBe('HISTORY_MISSING');
      expect((e as AppError).details).toEqual({
        missing: [
          { kind: 'price', from: '2024-04-18', to: '2024-04-18' },
          { kind: 'price', from: '2024-04-20', to: '2024-04-21' },
          { kind: 'network', from: '2024-04-18', to: '2024-04-18' },
          { kind: 'network', from: '2024-04-21', to: '2024-04-21' },
        ],
      });
    }
  });

  it('carries fees per block over a short gap, names the days, and refuses a long one', () => {
    const days = eachDay('2025-08-01', '2025-08-12');
    const h = days.map((day, i) => ({ day, difficulty: D, blocks: 144, feesBtc: i >= 4 && i <= 9 ? null : 144, subsidyBtc: 3.125, epochHashrateHs: null }));
    const c = new Map(days.map((d) => [d, 100_000]));
    const built = buildBacktestDays({ from: '2025-08-01', to: '2025-08-12' }, h, c, model);
    expect(toRanges(built.feesCarriedDays)).toEqual([{ from: '2025-08-05', to: '2025-08-10' }]);
    expect(built.days[5]!.producedSats).toBe(built.days[0]!.producedSats);
    const long = h.map((x, i) => (i >= 2 && i <= 10 ? { ...x, feesBtc: null } : x));
    expect(() => buildBacktestDays({ from: '2025-08-01', to: '2025-08-12' }, long, c, model)).toThrow(/fees 2025-08-10/);
  });

  it("takes the pool's daily earnings as production when given, and names the days the pool has none", () => {
    const pool = new Map([['2024-04-19', 31_000_000]]);
    expect(() => buildBacktestDays({ from: '2024-04-19', to: '2024-04-20' }, history, closes, model, pool)).toThrow(/pool 2024-04-20\.\.2024-04-20/);
    pool.set('2024-04-20', 12_345);
    const { days } = buildBacktestDays({ from: '2024-04-19', to: '2024-04-20' }, history, closes, model, pool);
    expect(days.map((d) => d.producedSats)).toEqual([31_000_000, 12_345]);
    // Costs are still the fleet's: 523,333 ¢ a day as above.
    expect(days.map((d) => d.costsCents)).toEqual([523_333, 523_333]);
  });
});
