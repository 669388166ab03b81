import { MISSING, numberFormat, toFinite } from './locale';

/**
 * A value already in percent (12.3 → "12.3%"), with `digits` fixed decimals (1 by default; 2 where
 * a hundredth matters, as a difficulty change). `signed` prefixes "+" to a rise. A fraction is
 * multiplied by 100 by the caller, so the unit is in the parameter's name.
 */
export function formatPercent(pct: number | string | null | undefined, locale: string, { digits = 1, signed = false }: { digits?: number; signed?: boolean } = {}): string {
  const v = toFinite(pct);
  if (v === null) return MISSING;
  return numberFormat(locale, { style: 'unit', unit: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: signed ? 'exceptZero' : 'negative' }).format(v);
}
