import { formatScaled, type Unit } from './scale';

/** Sizes on disk, ascending, in SI (decimal) steps as file managers show them. */
export const BYTE_UNITS: readonly Unit[] = [
  { symbol: 'B', factor: 1 },
  { symbol: 'kB', factor: 1e3 },
  { symbol: 'MB', factor: 1e6 },
  { symbol: 'GB', factor: 1e9 },
];

/** A size in bytes, auto-scaled: 2,500,000 → "2.5 MB". */
export function formatBytes(bytes: number | string | null | undefined, locale: string): string {
  return formatScaled(bytes, BYTE_UNITS, BYTE_UNITS[0]!, locale);
}
