import { describe, expect, it } from 'vitest';
import { isUptimeLow, kpiFigures, kpiHashprice } from './kpi';

// A fleet line: 10 units, 8 active at 100 TH/s and 3,300 W each, electricity at $0.05/kWh.
//   hashrate 8 × 100 = 800 TH/s; power 8 × 3,300 = 26,400 W = 26.4 kW
//   cost 26.4 kW × 24 h × $0.05 = $31.68/day = 3,168 cents
const fleet = { total: 10, active: 8, activeThs: 800, activeKw: 26.4, costUsdPerDay: 31.68 };
// Hashprice 50 sats = 0.0000005 BTC per TH/s per day, BTC at $100,000.
const BTC_PER_TH_DAY = 0.0000005;
const PRICE = 100_000;

describe('kpiFigures', () => {
  it('works out the fleet line by hand', () => {
    expect(kpiFigures(fleet, BTC_PER_TH_DAY, PRICE)).toEqual({
      onlineSharePct: 80, // 8 / 10
      powerW: 26_400,
      efficiencyJPerTh: 33, // 26,400 W / 800 TH/s = 33 J/TH
      // 800 TH/s × 50 sats = 40,000 sats = 0.0004 BTC × $100,000 = $40.00/day
      revenueCentsPerDay: 4_000,
      costCentsPerDay: 3_168,
      marginCentsPerDay: 832, // 4,000 − 3,168
    });
  });

  it('rounds money to the cent and power to the watt, once', () => {
    // 1 TH/s × 50 sats × $100,000 = $0.05 → 5 cents; $0.125 of cost → 13 cents (half up); 0.1 + 0.2 kW → 300 W.
    const f = kpiFigures({ total: 1, active: 1, activeThs: 1, activeKw: 0.1 + 0.2, costUsdPerDay: 0.125 }, BTC_PER_TH_DAY, PRICE);
    expect(f).toMatchObject({ revenueCentsPerDay: 5, costCentsPerDay: 13, marginCentsPerDay: -8, powerW: 300 });
    // 300 W / 1 TH/s
    expect(f.efficiencyJPerTh).toBe(300);
  });

  it('leaves out what it does not have: no network, no cost view, nothing hashing', () => {
    expect(kpiFigures(fleet, null, PRICE)).toMatchObject({ revenueCentsPerDay: null, marginCentsPerDay: null, costCentsPerDay: 3_168 });
    expect(kpiFigures({ ...fleet, costUsdPerDay: null }, BTC_PER_TH_DAY, PRICE)).toMatchObject({ revenueCentsPerDay: 4_000, costCentsPerDay: null, marginCentsPerDay: null });
    expect(kpiFigures({ total: 3, active: 0, activeThs: 0, activeKw: 0, costUsdPerDay: 0 }, BTC_PER_TH_DAY, PRICE)).toEqual({
      onlineSharePct: 0,
      powerW: 0,
      efficiencyJPerTh: null,
      revenueCentsPerDay: 0,
      costCentsPerDay: 0,
      marginCentsPerDay: 0,
    });
  });

  it('an empty fleet reads 0% online, as its counts are all 0', () => {
    expect(kpiFigures({ total: 0, active: 0, activeThs: 0, activeKw: 0, costUsdPerDay: null }, null, PRICE).onlineSharePct).toBe(0);
  });
});

describe('kpiHashprice', () => {
  it('is the difficulty formula per TH/s, or null without a difficulty', () => {
    // 10¹² H/s × 86,400 s × (3.125 + 0.125) BTC / (100 T × 2³²) = 280,800 / 429,496,729,600 = 6.5379e-7 BTC (65.38 sats)
    expect(kpiHashprice({ blockRewardBtc: 3.125, feesPerBlockBtc: 0.125, difficulty: 100e12, btcPriceUsd: PRICE })).toBeCloseTo(6.5379e-7, 10);
    expect(kpiHashprice({ blockRewardBtc: 3.125, feesPerBlockBtc: 0.125, difficulty: 0, btcPriceUsd: PRICE })).toBeNull();
  });
});

describe('isUptimeLow', () => {
  it('flags uptime under 95%, and not a missing figure', () => {
    expect(isUptimeLow(94.9)).toBe(true);
    expect(isUptimeLow(95)).toBe(false);
    expect(isUptimeLow(null)).toBe(false);
  });
});
