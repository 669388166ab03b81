import { formatScaled, thousands } from './scale';

/** Power units, ascending, as factors of the input unit W: W, kW, MW, GW. */
export const POWER_UNITS = thousands('W');

/** Power given in W, auto-scaled: 3,250 → "3.25 kW", 20,887,700 → "20.89 MW". */
export function formatPower(w: number | string | null | undefined, locale: string): string {
  return formatScaled(w, POWER_UNITS, POWER_UNITS[0]!, locale);
}
