import { MISSING, numberFormat, toFinite } from './locale';

type Amount = number | string | bigint | null | undefined;

/** BTC as a float (estimates): always 8 decimals, one satoshi. `unit: false` where a header says BTC. */
export function formatBtc(btc: Amount, locale: string, { unit = true }: { unit?: boolean } = {}): string {
  const v = toFinite(btc);
  if (v === null) return MISSING;
  const text = numberFormat(locale, { minimumFractionDigits: 8, maximumFractionDigits: 8, signDisplay: 'negative' }).format(v);
  return unit ? `${text} BTC` : text;
}

/**
 * Satoshis (balances, payouts; SQL sums arrive as text) as BTC. Dividing by 10⁸ is exact to the
 * satoshi below 2⁵³ sats, 430 times all bitcoin there will be.
 */
export function formatBtcFromSats(sats: Amount, locale: string, options: { unit?: boolean } = {}): string {
  const v = toFinite(sats);
  return v === null ? MISSING : formatBtc(Math.round(v) / 1e8, locale, options);
}

/** Satoshis as a whole number with the locale's grouping: "12,345 sats". */
export function formatSats(sats: Amount, locale: string): string {
  const v = toFinite(sats);
  return v === null ? MISSING : `${numberFormat(locale, { maximumFractionDigits: 0 }).format(Math.round(v))} sats`;
}
