import { describe, expect, it } from 'vitest';
import { changePct, hashpricePerPhDay, median, profitabilityIndex, referenceFleetMargin, REFERENCE_FLEET } from './hashprice';

describe('hashpricePerPhDay', () => {
  it('matches the hand-computed figure: D = 1e14, R = 3.125, F = 0.1, $100,000', () => {
    // 1e15 · 86400 · 3.225 / (1e14 · 2^32) = 2.7864e20 / 4.294967296e23 BTC ≈ 0.00064876 BTC ≈ $64.88
    const h = hashpricePerPhDay({ difficulty: 1e14, blockRewardBtc: 3.125, feesPerBlockBtc: 0.1, btcPriceUsd: 100_000 });
    expect(h.btc).toBeCloseTo(0.00064876, 7);
    expect(h.usd).toBeCloseTo(64.876, 2);
  });
  it('halves when difficulty doubles', () => {
    const a = hashpricePerPhDay({ difficulty: 1e14, blockRewardBtc: 3.125, feesPerBlockBtc: 0, btcPriceUsd: 1 });
    const b = hashpricePerPhDay({ difficulty: 2e14, blockRewardBtc: 3.125, feesPerBlockBtc: 0, btcPriceUsd: 1 });
    expect(b.btc * 2).toBeCloseTo(a.btc, 12);
  });
});

describe('profitabilityIndex', () => {
  const year = Array.from({ length: 365 }, (_, i) => 40 + (i % 21)); // median 50
  it.each([
    [50, 100],
    [40, 80],
    [60, 120],
  ])('hashprice %d against a median of 50 → %d', (today, expected) => {
    expect(profitabilityIndex(today, year)).toBeCloseTo(expected, 6);
  });
  it('is null with too little history', () => {
    expect(profitabilityIndex(50, [50, 50])).toBeNull();
  });
});

describe('helpers', () => {
  it('median of even and odd lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it('changePct', () => {
    expect(changePct(110, 100)).toBeCloseTo(10, 9);
    expect(changePct(110, null)).toBeNull();
    expect(changePct(1, 0)).toBeNull();
  });
  it('reference fleet: S21 at $0.05/kWh and $50/PH/day', () => {
    const r = referenceFleetMargin({ ...REFERENCE_FLEET, hashpriceUsdPerPhDay: 50 });
    expect(r.revenueUsd).toBeCloseTo(9.75, 9); // 0.05 $/TH · 200 TH · 0.975
    expect(r.powerCostUsd).toBeCloseTo(4.2, 9); // 3.5 kW · 24 h · $0.05
    expect(r.marginPct).toBeCloseTo(((9.75 - 4.2) / 9.75) * 100, 9);
  });
});
