import { formatScaled, thousands } from './scale';

/** Sizes on disk, ascending, in SI (decimal) steps as file managers show them: B, kB, MB, GB. */
export const BYTE_UNITS = thousands('B');

/** A size in bytes, auto-scaled: 2,500,000 → "2.5 MB". */
export function formatBytes(bytes: number | string | null | undefined, locale: string): string {
  return formatScaled(bytes, BYTE_UNITS, BYTE_UNITS[0]!, locale);
}
