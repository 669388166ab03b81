import { MISSING, numberFormat, toFinite } from './locale';

/** Energy per hash in J/TH, one decimal: miners are compared at that grain (17.5 vs 21.5). */
export function formatEfficiency(jPerTh: number | string | null | undefined, locale: string): string {
  const v = toFinite(jPerTh);
  return v === null ? MISSING : `${numberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(v)} J/TH`;
}
