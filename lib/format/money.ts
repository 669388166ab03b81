import { MISSING, numberFormat, toFinite } from './locale';

/**
 * Money in a currency (ISO 4217), with `digits` fixed decimals (default: the currency's own, 2 for
 * USD). The narrow symbol reads "$" in both locales — zh's default "US$" differed from the e-mails —
 * and a value that rounds to zero shows no minus sign.
 */
export function formatMoney(amount: number | string | null | undefined, currency: string, locale: string, digits?: number): string {
  const v = toFinite(amount);
  if (v === null) return MISSING;
  const fraction = digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return numberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', signDisplay: 'negative', ...fraction }).format(v);
}

/** Dollars as a float (the calculators' output): 2 decimals, 0 for large aggregates, 4 for $/kWh. */
export function formatUsd(usd: number | string | null | undefined, locale: string, digits = 2): string {
  return formatMoney(usd, 'USD', locale, digits);
}

/** Dollars held as integer cents (bills): exact, as cents ÷ 100 has no rounding error in range. */
export function formatUsdFromCents(cents: number | string | bigint | null | undefined, locale: string, digits = 2): string {
  const v = toFinite(cents);
  return v === null ? MISSING : formatMoney(v / 100, 'USD', locale, digits);
}
