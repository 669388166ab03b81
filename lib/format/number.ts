import { MISSING, numberFormat, toFinite } from './locale';

/**
 * A plain number with the locale's grouping: counts (digits 0, the default), ratios and indices.
 * `fixed` keeps trailing zeros (a column of prices); otherwise they are dropped.
 */
export function formatNumber(value: number | string | null | undefined, locale: string, { digits = 0, fixed = false }: { digits?: number; fixed?: boolean } = {}): string {
  const v = toFinite(value);
  if (v === null) return MISSING;
  return numberFormat(locale, { minimumFractionDigits: fixed ? digits : 0, maximumFractionDigits: digits, signDisplay: 'negative' }).format(v);
}
