import { describe, expect, it } from 'vitest';
import { breakEvenUsdPerPhDay, economicsDays, type NetworkDay, puellMultiple, ribbonCrossings, smaWithGaps } from './daily';

const D = 1e14;
const base: NetworkDay = { day: '2025-01-01', difficulty: D, hashrateHs: null, blocks: null, feesBtc: null, subsidyBtc: 3.125, priceUsd: null, epochHashrateHs: null };
// Hashes per block D·2^32; 144 blocks a day need H = 144 · D · 2^32 / 86400.
const h144 = (144 * D * 4_294_967_296) / 86_400;

describe('economicsDays', () => {
  it('a day with blocks: hashprice from the fees per block, fee share of revenue, USD at the close', () => {
    const [e] = economicsDays([{ ...base, hashrateHs: h144, blocks: 144, feesBtc: 14.4, priceUsd: 100_000 }]);
    // 1e15 · 86400 · (3.125 + 0.1) / (1e14 · 2^32) = 0.00064876 BTC (the figure hashprice.test.ts checks)
    expect(e!.hashpriceBtcPerPhDay).toBeCloseTo(0.00064876, 7);
    expect(e!.hashpriceUsdPerPhDay).toBeCloseTo(64.876, 2);
    expect(e!.feeSharePct).toBeCloseTo((100 * 14.4) / (144 * 3.125 + 14.4), 9);
    expect(e!.issuanceUsd).toBeCloseTo(144 * 3.125 * 100_000, 3);
    expect(e!.fromEpoch).toBe(false);
  });
  it('a day without blocks takes the epoch average and says so; no fees, no hashprice; no close, no USD', () => {
    const [e, f] = economicsDays([
      { ...base, epochHashrateHs: h144, feesBtc: 14.4 },
      { ...base, epochHashrateHs: h144 },
    ]);
    expect(e).toMatchObject({ fromEpoch: true, hashrateHs: h144, hashpriceUsdPerPhDay: null, issuanceUsd: null });
    expect(e!.blocks).toBeCloseTo(144, 9);
    expect(e!.hashpriceBtcPerPhDay).toBeCloseTo(0.00064876, 7);
    expect(f!.hashpriceBtcPerPhDay).toBeNull();
  });
});

describe('puellMultiple', () => {
  it('the day over the mean of the 3 days ending it, once 3 days are held', () => {
    expect(puellMultiple([1, 2, 3, 6, null, 3, 3, 3], 3)).toEqual([null, null, 3 / 2, 6 / (11 / 3), null, null, null, 1]);
  });
});

describe('smaWithGaps', () => {
  it('averages only over windows without a gap', () => {
    expect(smaWithGaps([1, 2, 3, null, 4, 6, 8], 2)).toEqual([null, 1.5, 2.5, null, null, 5, 7]);
  });
});

describe('ribbonCrossings', () => {
  it('capitulation when the fast mean falls below the slow one, recovery when it comes back', () => {
    const days = ['a', 'b', 'c', 'd', 'e'];
    expect(ribbonCrossings(days, [10, 9, 8, 9, 12], [9, 9.5, 9, 10, 11]).map((c) => [c.day, c.kind])).toEqual([
      ['b', 'capitulation'],
      ['e', 'recovery'],
    ]);
  });
});

describe('breakEvenUsdPerPhDay', () => {
  it.each([
    // 3500 W / 200 TH/s = 17.5 J/TH → 17.5 kW per PH/s → 420 kWh a day → $21 at $0.05
    [{ powerW: 3500, hashrateThs: 200, usdPerKwh: 0.05 }, 21],
    [{ powerW: 3250, hashrateThs: 100, usdPerKwh: 0.08 }, 62.4],
  ])('%o → $%d per PH/day', (input, want) => expect(breakEvenUsdPerPhDay(input)).toBeCloseTo(want, 9));
  it('is null without hashrate', () => expect(breakEvenUsdPerPhDay({ powerW: 1, hashrateThs: 0, usdPerKwh: 0.05 })).toBeNull());
});
