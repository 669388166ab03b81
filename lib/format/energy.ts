import { formatScaled, type Unit } from './scale';

/** Energy units, ascending, as factors of the input unit Wh. */
export const ENERGY_UNITS: readonly Unit[] = [
  { symbol: 'Wh', factor: 1 },
  { symbol: 'kWh', factor: 1e3 },
  { symbol: 'MWh', factor: 1e6 },
  { symbol: 'GWh', factor: 1e9 },
];

/** Energy given in Wh, auto-scaled: 480,000 → "480 kWh", 501,300,000 → "501.3 MWh". */
export function formatEnergy(wh: number | string | null | undefined, locale: string): string {
  return formatScaled(wh, ENERGY_UNITS, ENERGY_UNITS[0]!, locale);
}
