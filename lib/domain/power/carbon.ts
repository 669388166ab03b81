/*
 * Carbon by energy source, kg CO₂ per kWh (REFERENCE §6, the original's factors). A site with a
 * mix weighs each source by its share. Grams = Wh × kg/kWh, so integer Wh give grams directly.
 */
export const CO2_KG_PER_KWH = { hydro: 0.024, solar: 0.048, wind: 0.011, nuclear: 0.012, natural_gas: 0.41, coal: 0.82, grid: 0.42 } as const;
export type EnergySource = keyof typeof CO2_KG_PER_KWH;

/** The factor of a mix: shares need not sum to 1 (they are normalised); an empty mix is 'grid'. */
export function mixFactor(mix: Partial<Record<EnergySource, number>>): number {
  const entries = Object.entries(mix).filter(([, s]) => (s ?? 0) > 0) as [EnergySource, number][];
  const total = entries.reduce((s, [, share]) => s + share, 0);
  if (total === 0) return CO2_KG_PER_KWH.grid;
  return entries.reduce((s, [src, share]) => s + CO2_KG_PER_KWH[src] * share, 0) / total;
}

export const co2Grams = (wh: number, kgPerKwh: number) => Math.round(wh * kgPerKwh);
