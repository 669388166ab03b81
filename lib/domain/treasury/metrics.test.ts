import { describe, expect, it } from 'vitest';
import { computeMetrics, dailyReturns, maxDrawdown, sharpe, sortino } from './metrics';

describe('treasury metrics', () => {
  // Start 100,000 ¢, then 103,000, 108,000, 106,000 (the hold backtest of backtest.test.ts).
  // r = 0.03, 0.0485437, −0.0185185; mean 0.0200084; sample sd 0.0346296;
  // Sharpe = 0.0200084 / 0.0346296 · √365 = 11.0385; downside dev = √(0.0185185² / 3) = 0.0106917,
  // Sortino = 0.0200084 / 0.0106917 · √365 = 35.7530; max drawdown = (108,000 − 106,000) / 108,000 = 1.85185 %.
  const eq = [103_000, 108_000, 106_000];
  it('computes returns, Sharpe, Sortino and drawdown as worked by hand', () => {
    const r = dailyReturns(100_000, eq);
    expect(r[0]).toBeCloseTo(0.03, 10);
    expect(r[2]).toBeCloseTo(-0.0185185, 6);
    expect(sharpe(r)).toBeCloseTo(11.0385, 3);
    expect(sortino(r)).toBeCloseTo(35.753, 3);
    expect(maxDrawdown(100_000, eq)).toBeCloseTo(2_000 / 108_000, 10);
    expect(computeMetrics(100_000, eq).totalReturn).toBeCloseTo(0.06, 10);
  });

  it('gives no ratio where it is undefined rather than 0 or infinity', () => {
    expect(sharpe([0.01])).toBeNull();
    expect(sharpe([0.01, 0.01])).toBeNull();
    expect(sortino([0.01, 0.02])).toBeNull();
    expect(computeMetrics(0, [5, 6]).totalReturn).toBeNull();
    // A day after a non-positive equity has no return.
    expect(dailyReturns(-100, [50, 100])).toEqual([1]);
  });
});
