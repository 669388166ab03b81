import { describe, expect, it } from 'vitest';
import { addScenario, MAX_PRICE_CENTS, parseUsdCents, pricePerThCents, type Scenario, unitPriceCents } from './scenarios';

describe('parseUsdCents', () => {
  it.each([
    ['3100', 310_000],
    ['3,100.5', 310_050],
    [' 15.50 ', 1_550],
    ['0.07', 7],
    ['12.', 1_200],
    ['0', 0],
    ['10000000', MAX_PRICE_CENTS],
  ])('%j → %i ¢', (text, cents) => expect(parseUsdCents(text)).toBe(cents));

  it.each(['', '-5', '1e3', '12.345', 'abc', '$10', '10000000.01', '.5'])('%j is refused', (text) => expect(parseUsdCents(text)).toBeNull());
});

describe('unitPriceCents', () => {
  it.each([
    // a unit price is taken as typed
    [310_000, 'unit', 200, 310_000],
    // $15.50/TH × 200 TH/s = $3,100.00
    [1_550, 'th', 200, 310_000],
    // $15.50/TH × 37.5 TH/s = $581.25
    [1_550, 'th', 37.5, 58_125],
    // $0.01/TH × 37.5 = 37.5 ¢ → 38 ¢ (half up, once)
    [1, 'th', 37.5, 38],
    // $13.33/TH × 95.55 = $1,273.6815 → 127,368 ¢ (95.55 is not exact in binary; the integer route is)
    [1_333, 'th', 95.55, 127_368],
  ] as const)('%i ¢ per %s at %f TH/s → %i ¢ a unit', (price, basis, ths, want) => expect(unitPriceCents(price, basis, ths)).toBe(want));

  it('stays an exact integer at the price fence for a 1,000 TH/s machine (10¹⁵ < 2⁵³)', () => {
    expect(unitPriceCents(MAX_PRICE_CENTS, 'th', 1_000)).toBe(1_000_000_000_000);
  });
});

describe('pricePerThCents', () => {
  it('is the unit price over the TH/s, and missing without hashrate', () => {
    expect(pricePerThCents(310_000, 200)).toBe(1_550);
    expect(pricePerThCents(310_000, 0)).toBeNull();
  });
});

describe('addScenario', () => {
  const s21 = 7;
  const list: Scenario[] = [{ modelId: s21, unitPriceCents: 310_000 }];

  it('adds a new model or a new price for the same model', () => {
    const r = addScenario(list, { modelId: s21, unitPriceCents: 290_000 }, 3);
    expect(r).toEqual({ ok: true, scenarios: [...list, { modelId: s21, unitPriceCents: 290_000 }] });
  });

  it('refuses the same model at the same unit price, however the price was typed', () => {
    expect(addScenario(list, { modelId: s21, unitPriceCents: unitPriceCents(1_550, 'th', 200) }, 3)).toEqual({ ok: false, reason: 'duplicate' });
  });

  it('refuses what the current input already is', () => {
    expect(addScenario([], { modelId: 3, unitPriceCents: 100 }, 3, [{ modelId: 3, unitPriceCents: 100 }])).toEqual({ ok: false, reason: 'duplicate' });
  });

  it('refuses past the maximum', () => {
    expect(addScenario(list, { modelId: 1, unitPriceCents: 1 }, 1)).toEqual({ ok: false, reason: 'full' });
  });
});
