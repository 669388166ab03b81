import { MISSING, numberFormat, toFinite } from './locale';

/** Network difficulty in T (10¹²) with 2 decimals, the unit mining sites quote it in. */
export function formatDifficulty(difficulty: number | string | null | undefined, locale: string): string {
  const v = toFinite(difficulty);
  return v === null ? MISSING : `${numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v / 1e12)} T`;
}
