import { describe, expect, it } from 'vitest';
import { hashpriceFromNetwork, personalDaily } from './personal';

describe('personalDaily', () => {
  // Hand-checked: 1,000 TH/s at 21.5 J/TH = 21.5 kW → 516 kWh/day; at $0.05 → $25.80/day.
  // Hashprice 0.0000005 BTC/TH/day × 1,000 TH/s = 0.0005 BTC/day; × $100,000 = $50/day.
  const cases = [
    {
      name: 'profitable fleet',
      fleet: { hashrateThs: 1000, efficiencyJPerTh: 21.5, electricityUsdPerKwh: 0.05 },
      market: { hashpriceBtcPerThDay: 5e-7, btcPriceUsd: 100_000 },
      want: { btcPerDay: 0.0005, revenueUsdPerDay: 50, powerKw: 21.5, energyKwhPerDay: 516, powerCostUsdPerDay: 25.8, profitUsdPerDay: 24.2, margin: 0.484, breakEvenUsdPerKwh: 50 / 516 },
    },
    {
      name: 'loss-making fleet',
      fleet: { hashrateThs: 100, efficiencyJPerTh: 34, electricityUsdPerKwh: 0.12 },
      market: { hashpriceBtcPerThDay: 5e-7, btcPriceUsd: 60_000 },
      want: { btcPerDay: 0.00005, revenueUsdPerDay: 3, powerKw: 3.4, energyKwhPerDay: 81.6, powerCostUsdPerDay: 9.792, profitUsdPerDay: -6.792, margin: -6.792 / 3, breakEvenUsdPerKwh: 3 / 81.6 },
    },
    {
      name: 'no hashrate',
      fleet: { hashrateThs: 0, efficiencyJPerTh: 20, electricityUsdPerKwh: 0.05 },
      market: { hashpriceBtcPerThDay: 5e-7, btcPriceUsd: 60_000 },
      want: { btcPerDay: 0, revenueUsdPerDay: 0, powerKw: 0, energyKwhPerDay: 0, powerCostUsdPerDay: 0, profitUsdPerDay: 0, margin: null, breakEvenUsdPerKwh: null },
    },
  ];
  it.each(cases)('$name', ({ fleet, market, want }) => {
    const got = personalDaily(fleet, market);
    for (const [k, v] of Object.entries(want)) {
      if (v === null) expect(got[k as keyof typeof got], k).toBeNull();
      else expect(got[k as keyof typeof got], k).toBeCloseTo(v, 9);
    }
  });
});

describe('hashpriceFromNetwork', () => {
  it('matches the difficulty formula: 86400 · (R + F) · 1e12 / (D · 2^32)', () => {
    const d = 100e12;
    const expected = (86400 * (3.125 + 0.025) * 1e12) / (d * 2 ** 32);
    expect(hashpriceFromNetwork({ difficulty: d, blockRewardBtc: 3.125, feesPerBlockBtc: 0.025 })).toBeCloseTo(expected, 15);
    // ≈ 6.34e-7 BTC/TH/day, i.e. 0.634 mBTC/PH/day — the order of magnitude Luxor quotes at that difficulty.
    expect(expected).toBeGreaterThan(6.3e-7);
    expect(expected).toBeLessThan(6.4e-7);
  });
});
