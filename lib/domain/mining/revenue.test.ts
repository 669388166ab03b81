import { describe, expect, it } from 'vitest';
import { nextHalvingHeight, subsidyBtcAtHeight, subsidySatsAtHeight } from './constants';
import { btcPerDayByDifficulty, btcPerDayByNetworkShare, dualAlgorithmBtcPerDay, hashpriceBtcPerThDay, impliedNetworkHashrateHs } from './revenue';

const reward = { blockRewardBtc: 3.125, feesPerBlockBtc: 0.025 };

describe('subsidy', () => {
  it.each([
    [0, 5_000_000_000],
    [209_999, 5_000_000_000],
    [210_000, 2_500_000_000],
    [630_000, 625_000_000],
    [840_000, 312_500_000],
    [1_049_999, 312_500_000],
    [1_050_000, 156_250_000],
    [64 * 210_000, 0],
  ])('at height %i is %i sats', (h, sats) => expect(subsidySatsAtHeight(h)).toBe(sats));
  it('is 1.5625 BTC from the 2028 halving', () => expect(subsidyBtcAtHeight(1_050_000)).toBe(1.5625));
  it('finds the next halving', () => expect(nextHalvingHeight(870_000)).toBe(1_050_000));
});

describe('revenue algorithms', () => {
  it('hand-checked: 100 TH/s at difficulty 100 T with 3.15 BTC per block earns 0.000 063 367 19 BTC/day', () => {
    // 1e14 · 86400 · 3.15 / (1e14 · 4294967296) = 86400 · 3.15 / 4294967296 = 6.3366e-5… per TH; ×100 TH
    const btc = btcPerDayByDifficulty({ hashrateHs: 100e12, difficulty: 100e12, ...reward });
    expect(btc).toBeCloseTo((86400 * 3.15) / 4294967296, 12);
    expect(btc).toBeCloseTo(0.0000633672, 10);
  });

  it('hand-checked: 1 PH/s with 0.1% of the network earns 0.1% of 144 blocks', () => {
    expect(btcPerDayByNetworkShare({ hashrateHs: 1e15, networkHashrateHs: 1e18, ...reward })).toBeCloseTo(0.144 * 3.15, 12);
  });

  it('agree exactly when the network hashrate is the one implied by difficulty', () => {
    const difficulty = 127.6e12;
    const r = dualAlgorithmBtcPerDay({ hashrateHs: 200e12, difficulty, networkHashrateHs: impliedNetworkHashrateHs(difficulty), ...reward });
    expect(r.relativeDifference).toBeCloseTo(0, 12);
    expect(r.ratio).toBeCloseTo(1, 12);
    expect(r.disagrees).toBe(false);
  });

  it('flags a disagreement beyond ×2', () => {
    const difficulty = 100e12;
    const implied = impliedNetworkHashrateHs(difficulty);
    expect(dualAlgorithmBtcPerDay({ hashrateHs: 1e14, difficulty, networkHashrateHs: implied / 1.9, ...reward }).disagrees).toBe(false);
    const off = dualAlgorithmBtcPerDay({ hashrateHs: 1e14, difficulty, networkHashrateHs: implied / 2.5, ...reward });
    expect(off.disagrees).toBe(true);
    expect(off.relativeDifference).toBeCloseTo(1.5, 10);
  });

  it('hashprice is the revenue of 1 TH/s', () => {
    expect(hashpriceBtcPerThDay({ difficulty: 100e12, ...reward })).toBeCloseTo(btcPerDayByDifficulty({ hashrateHs: 1e12, difficulty: 100e12, ...reward }), 15);
  });

  it('refuses a zero difficulty or network hashrate', () => {
    expect(() => btcPerDayByDifficulty({ hashrateHs: 1, difficulty: 0, ...reward })).toThrow(RangeError);
    expect(() => btcPerDayByNetworkShare({ hashrateHs: 1, networkHashrateHs: 0, ...reward })).toThrow(RangeError);
  });
});
