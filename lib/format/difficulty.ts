import { MISSING, numberFormat, toFinite } from './locale';
import type { Unit } from './scale';

/** Network difficulty in T (10¹²) with 2 decimals, the unit mining sites quote it in. */
export function formatDifficulty(difficulty: number | string | null | undefined, locale: string): string {
  const v = toFinite(difficulty);
  return v === null ? MISSING : `${numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v / 1e12)} T`;
}

/** Difficulty steps for chart axes that span the whole history (1 in 2009, ~10¹⁴ now). */
export const DIFFICULTY_UNITS: readonly Unit[] = [
  { symbol: '', factor: 1 },
  { symbol: 'k', factor: 1e3 },
  { symbol: 'M', factor: 1e6 },
  { symbol: 'G', factor: 1e9 },
  { symbol: 'T', factor: 1e12 },
];
