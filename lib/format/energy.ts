import { formatScaled, thousands } from './scale';

/** Energy units, ascending, as factors of the input unit Wh: Wh, kWh, MWh, GWh. */
export const ENERGY_UNITS = thousands('Wh');

/** Energy given in Wh, auto-scaled: 480,000 → "480 kWh", 501,300,000 → "501.3 MWh". */
export function formatEnergy(wh: number | string | null | undefined, locale: string): string {
  return formatScaled(wh, ENERGY_UNITS, ENERGY_UNITS[0]!, locale);
}
