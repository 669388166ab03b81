import { describe, expect, it } from 'vitest';
import { monthCostBasis } from './cost-basis';
import { coverNeed, monthlyOpexCents, runwayBelow, runwayMonths } from './coverage';

describe('cash coverage', () => {
  it('monthly opex is the mean of the last three complete months with costs', () => {
    const m = (month: string, cents: number | null) => monthCostBasis({ month, energyCents: cents, opexCents: null, producedSats: null });
    const months = [m('2026-07', 1000), m('2026-08', 100), m('2026-09', 300), m('2026-10', null), m('2026-11', 600), m('2026-12', 900)];
    // December is running; October has no figures: (100 + 300 + 600) ÷ 3 = 333.3 → 333.
    expect(monthlyOpexCents(months, new Date('2026-12-07T00:00:00Z'))).toEqual({ cents: 333, months: ['2026-08', '2026-09', '2026-11'] });
    expect(monthlyOpexCents([m('2026-12', 900)], new Date('2026-12-07T00:00:00Z'))).toBeNull();
  });

  it('runway: cash ÷ opex, none without costs', () => {
    // $10,000 cash, $4,000 a month → 2.5 months.
    expect(runwayMonths(1_000_000, 400_000)).toBe(2.5);
    expect(runwayMonths(1_000_000, 300_000)).toBe(3.33);
    expect(runwayMonths(-5, 300_000)).toBe(0);
    expect(runwayMonths(1_000_000, null)).toBeNull();
    expect(runwayMonths(1_000_000, 0)).toBeNull();
  });

  it('BTC to sell for the next N months, rounded up to the sat', () => {
    // 6 × $4,000 = $24,000 needed, $10,000 held → $14,000 short; at $50,000 → 0.28 BTC.
    expect(coverNeed({ months: 6, cashCents: 1_000_000, opexCents: 400_000, priceCentsPerBtc: 5_000_000 })).toEqual({ months: 6, needCents: 2_400_000, shortfallCents: 1_400_000, satsToSell: 28_000_000 });
    // At $30,000: 1,400,000 × 10⁸ ÷ 3,000,000 = 46,666,666.67 → 46,666,667 sats.
    expect(coverNeed({ months: 6, cashCents: 1_000_000, opexCents: 400_000, priceCentsPerBtc: 3_000_000 })!.satsToSell).toBe(46_666_667);
    expect(coverNeed({ months: 2, cashCents: 1_000_000, opexCents: 400_000, priceCentsPerBtc: 3_000_000 })!.satsToSell).toBe(0);
    expect(coverNeed({ months: 6, cashCents: 0, opexCents: 400_000, priceCentsPerBtc: null })!.satsToSell).toBeNull();
    expect(coverNeed({ months: 6, cashCents: 0, opexCents: null, priceCentsPerBtc: 1 })).toBeNull();
  });

  it('alerts under the threshold only', () => {
    expect(runwayBelow(2.5, 3)).toBe(true);
    expect(runwayBelow(3, 3)).toBe(false);
    expect(runwayBelow(null, 3)).toBe(false);
    expect(runwayBelow(0, 0)).toBe(false);
  });
});

describe('summary', () => {
  it('values the holdings and leaves price figures null without a price', async () => {
    const { treasurySummary } = await import('./summary');
    const lots = { costCents: 875_000, knownCostSats: 35_000_000, realisedPnlCents: 2_120_000 };
    const p = { holdingsSats: 35_000_000, cashCents: 3_845_000, monthlyOpexCents: 1_250_000 };
    // 0.35 BTC at $90,000 = $31,500; unrealised 3,150,000 − 875,000; runway 3.08 < 4 → alert.
    expect(treasurySummary(p, lots, 9_000_000, { coverMonths: 6, runwayAlertMonths: 4 })).toMatchObject({ valueCents: 3_150_000, unrealisedPnlCents: 2_275_000, runwayMonths: 3.08, runwayAlert: true, cover: { satsToSell: 40_611_112 } });
    expect(treasurySummary(p, lots, null, { coverMonths: 6, runwayAlertMonths: 3 })).toMatchObject({ valueCents: null, unrealisedPnlCents: null, runwayAlert: false, cover: { satsToSell: null } });
  });
});
