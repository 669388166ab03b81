import { describe, expect, it } from 'vitest';
import { annualisedFundingPct, ivTermStructure, parseOptionName } from './intel';

describe('annualisedFundingPct', () => {
  it.each([
    // rate per period, hours, % a year: 0.0001 × 3 × 365 × 100 = 10.95
    [0.0001, 8, 10.95],
    // hourly: 0.00001 × 24 × 365 × 100 = 8.76
    [0.00001, 1, 8.76],
    // negative funding stays negative: −0.00005 × 3 × 365 × 100 = −5.475
    [-0.00005, 8, -5.475],
  ])('%d every %i h is %d %% a year', (rate, hours, pct) => {
    expect(annualisedFundingPct(rate, hours)).toBeCloseTo(pct, 10);
  });
});

describe('parseOptionName', () => {
  it.each([
    ['BTC-27DEC26-100000-C', '2026-12-27T08:00:00.000Z', 100_000, 'C'],
    ['BTC-8JAN27-95000-P', '2027-01-08T08:00:00.000Z', 95_000, 'P'],
    ['BTC-PERPETUAL', null, null, null],
    ['BTC-27XYZ26-1-C', null, null, null],
  ])('%s', (name, expiry, strike, type) => {
    const p = parseOptionName(name);
    if (expiry === null) expect(p).toBeNull();
    else expect({ expiry: p!.expiry.toISOString(), strike: p!.strike, type: p!.type }).toEqual({ expiry, strike, type });
  });
});

describe('ivTermStructure', () => {
  const now = new Date('2026-12-07T08:00:00Z');
  const o = (instrumentName: string, markIvPct: number | null, underlyingPrice: number | null = 100_000) => ({ instrumentName, markIvPct, underlyingPrice });
  it('picks the strike nearest each expiry forward, averages call and put, sorts by days', () => {
    const points = ivTermStructure(
      [
        // 27 Dec: forward 101,000 → 100,000 is nearest (1,000 vs 4,000 from 105,000); IV (50 + 52) / 2 = 51
        o('BTC-27DEC26-100000-C', 50, 101_000),
        o('BTC-27DEC26-100000-P', 52, 101_000),
        o('BTC-27DEC26-105000-C', 48, 101_000),
        // 11 Dec: forward 99,000 → 100,000 (1,000) beats 95,000 (4,000); only the call quoted: 44
        o('BTC-11DEC26-100000-C', 44, 99_000),
        o('BTC-11DEC26-95000-P', 60, 99_000),
        // no mark IV: skipped; expired (4 Dec): skipped
        o('BTC-27DEC26-110000-C', null, 101_000),
        o('BTC-4DEC26-100000-C', 40),
      ],
      now,
    );
    expect(points).toEqual([
      // 11 Dec 08:00 − 7 Dec 08:00 = 4 days
      { expiry: '2026-12-11T08:00:00.000Z', days: 4, strike: 100_000, atmIvPct: 44, underlyingUsd: 99_000 },
      // 27 Dec − 7 Dec = 20 days
      { expiry: '2026-12-27T08:00:00.000Z', days: 20, strike: 100_000, atmIvPct: 51, underlyingUsd: 101_000 },
    ]);
  });
  it('nothing quotable is an empty curve', () => {
    expect(ivTermStructure([o('BTC-27DEC26-100000-C', null)], now)).toEqual([]);
  });
});
