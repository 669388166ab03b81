import { MISSING, numberFormat, toFinite } from './locale';

/** One step of a unit ladder: its symbol and how many input units make one of it. */
export type Unit = { symbol: string; factor: number };

const SI_PREFIXES = ['', 'k', 'M', 'G', 'T'] as const;

/** A ladder in SI steps of 1,000 over a base symbol, ascending: `thousands('W')` → W, kW, MW, GW. */
export function thousands(symbol: string, steps = 4): readonly Unit[] {
  return SI_PREFIXES.slice(0, steps).map((prefix, i) => ({ symbol: `${prefix}${symbol}`, factor: 1000 ** i }));
}

/** Significant digits of every auto-scaled quantity (hashrate, power, energy). */
const SIGNIFICANT = 4;

/** Fraction digits that show SIGNIFICANT digits of a scaled value without ever rounding its integer part. */
function fractionDigits(scaled: number): number {
  const abs = Math.abs(scaled);
  return abs === 0 ? 0 : Math.max(0, SIGNIFICANT - 1 - Math.floor(Math.log10(abs)));
}

function rounded(scaled: number): number {
  const f = 10 ** fractionDigits(scaled);
  return Math.round(scaled * f) / f;
}

/**
 * The largest unit of the ladder (ascending) in which the value reads at least 1 once rounded — so
 * 999.96 TH/s reads "1 PH/s", not "1,000 TH/s" — or `zero` for 0.
 */
export function unitFor(value: number, ladder: readonly Unit[], zero: Unit): Unit {
  const abs = Math.abs(value);
  if (abs === 0) return zero;
  for (let i = ladder.length - 1; i > 0; i--) if (Math.abs(rounded(abs / ladder[i]!.factor)) >= 1) return ladder[i]!;
  return ladder[0]!;
}

/** The value in a given unit, e.g. every tick of a chart axis in the unit of its largest value. */
export function formatIn(value: number | string | null | undefined, unit: Unit, locale: string): string {
  const v = toFinite(value);
  if (v === null) return MISSING;
  const scaled = v / unit.factor;
  return `${numberFormat(locale, { maximumFractionDigits: fractionDigits(scaled), signDisplay: 'negative' }).format(scaled)} ${unit.symbol}`;
}

/** The value in the unit that suits it. */
export function formatScaled(value: number | string | null | undefined, ladder: readonly Unit[], zero: Unit, locale: string): string {
  const v = toFinite(value);
  return v === null ? MISSING : formatIn(v, unitFor(v, ladder, zero), locale);
}
