import { formatScaled, type Unit } from './scale';

/** Power units, ascending, as factors of the input unit W. */
export const POWER_UNITS: readonly Unit[] = [
  { symbol: 'W', factor: 1 },
  { symbol: 'kW', factor: 1e3 },
  { symbol: 'MW', factor: 1e6 },
  { symbol: 'GW', factor: 1e9 },
];

/** Power given in W, auto-scaled: 3,250 → "3.25 kW", 20,887,700 → "20.89 MW". */
export function formatPower(w: number | string | null | undefined, locale: string): string {
  return formatScaled(w, POWER_UNITS, POWER_UNITS[0]!, locale);
}
