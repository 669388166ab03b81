/*
 * The ROI page's compared models: a catalogue model and what one unit costs, in integer cents. A price
 * typed per TH/s is converted once, exactly, to the unit price; after that a scenario is its model and
 * its unit price, so "$3,100 a unit" and "$15.50/TH" for a 200 TH/s machine are the same scenario.
 */

export const PRICE_BASES = ['unit', 'th'] as const;
export type PriceBasis = (typeof PRICE_BASES)[number];

export type Scenario = { modelId: number; unitPriceCents: number };

/** The fence for a typed price (per unit or per TH/s): $10 million, so products stay exact integers. */
export const MAX_PRICE_CENTS = 1_000_000_000;

/**
 * A typed dollar amount to whole cents without passing through a float: "1,234.5" → 123450. Null for
 * anything else (a sign, an exponent, a third decimal, over the fence) — a price is never guessed.
 */
export function parseUsdCents(text: string): number | null {
  const m = /^(\d{1,10})(?:\.(\d{0,2}))?$/.exec(text.trim().replace(/,/g, ''));
  if (!m) return null;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return cents <= MAX_PRICE_CENTS ? cents : null;
}

/**
 * One unit's price in cents. Per TH/s it is price × the model's TH/s, computed on integers (the TH/s
 * in thousandths; the catalogue keeps hundredths) and rounded half up to the cent once.
 */
export function unitPriceCents(priceCents: number, basis: PriceBasis, hashrateThs: number): number {
  if (basis === 'unit') return priceCents;
  const milliThs = Math.round(hashrateThs * 1000);
  return Math.floor((priceCents * milliThs + 500) / 1000);
}

/** The price of one TH/s at a unit price, for display (a ratio, not money that is added up). */
export function pricePerThCents(unitCents: number, hashrateThs: number): number | null {
  return hashrateThs > 0 ? unitCents / hashrateThs : null;
}

export type AddScenarioResult = { ok: true; scenarios: Scenario[] } | { ok: false; reason: 'duplicate' | 'full' };

/**
 * Adds a scenario unless the same model at the same unit price is already compared (in the list, or
 * as the current input, `taken`): a second copy would draw the same line twice and look like agreement.
 */
export function addScenario(scenarios: readonly Scenario[], next: Scenario, max: number, taken: readonly Scenario[] = []): AddScenarioResult {
  const same = (s: Scenario) => s.modelId === next.modelId && s.unitPriceCents === next.unitPriceCents;
  if (scenarios.some(same) || taken.some(same)) return { ok: false, reason: 'duplicate' };
  if (scenarios.length >= max) return { ok: false, reason: 'full' };
  return { ok: true, scenarios: [...scenarios, next] };
}
