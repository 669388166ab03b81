import { describe, expect, it } from 'vitest';
import { siteMargin } from './profitability';

describe('siteMargin', () => {
  it.each([
    // 6,000 sats × $90,000 = $5.40 (540 ¢); less $7.50 → −$2.10, −38.88… % of revenue
    [{ revenueSats: 6000, usdPerBtc: 90_000, costCents: 750 }, { revenueCents: 540, marginCents: -210, marginPct: (-210 / 540) * 100 }],
    // 1 BTC at $100,000.005 → 10,000,000.5 ¢ rounds once to 10,000,001 ¢
    [{ revenueSats: 100_000_000, usdPerBtc: 100_000.005, costCents: 1 }, { revenueCents: 10_000_001, marginCents: 10_000_000, marginPct: (10_000_000 / 10_000_001) * 100 }],
    // no price: no revenue and no margin, never $0
    [{ revenueSats: 6000, usdPerBtc: null, costCents: 750 }, { revenueCents: null, marginCents: null, marginPct: null }],
    // no metered cost: revenue stands, margin is missing
    [{ revenueSats: 6000, usdPerBtc: 90_000, costCents: null }, { revenueCents: 540, marginCents: null, marginPct: null }],
    // zero revenue: margin is −cost, its percent undefined
    [{ revenueSats: 0, usdPerBtc: 90_000, costCents: 100 }, { revenueCents: 0, marginCents: -100, marginPct: null }],
  ])('%o', (input, want) => {
    expect(siteMargin(input)).toEqual(want);
  });
});
