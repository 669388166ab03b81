/*
 * Carbon by energy source, kg CO₂ per kWh (REFERENCE §6, the original's factors). A site with a
 * mix weighs each source by its share. Grams = Wh × kg/kWh, so integer Wh give grams directly.
 */
export const CO2_KG_PER_KWH = { hydro: 0.024, solar: 0.048, wind: 0.011, nuclear: 0.012, natural_gas: 0.41, coal: 0.82, grid: 0.42 } as const;
export type EnergySource = keyof typeof CO2_KG_PER_KWH;
export const ENERGY_SOURCE_KEYS = Object.keys(CO2_KG_PER_KWH) as EnergySource[];

/** The factor of a mix: shares need not sum to 1 (they are normalised); an empty mix is 'grid'. */
export function mixFactor(mix: Partial<Record<EnergySource, number>>): number {
  const entries = Object.entries(mix).filter(([, s]) => (s ?? 0) > 0) as [EnergySource, number][];
  const total = entries.reduce((s, [, share]) => s + share, 0);
  if (total === 0) return CO2_KG_PER_KWH.grid;
  return entries.reduce((s, [src, share]) => s + CO2_KG_PER_KWH[src] * share, 0) / total;
}

export const co2Grams = (wh: number, kgPerKwh: number) => Math.round(wh * kgPerKwh);

/** A stored mix: each source's share in basis points (10,000 = 100 %). */
export type EnergyMix = { source: EnergySource; shareBp: number }[];

/** A site's mix as stored, or all of its one `energy_source` when it has none. */
export const mixOrSingle = (mix: EnergyMix, single: EnergySource): EnergyMix => (mix.length ? mix : [{ source: single, shareBp: 10_000 }]);

/**
 * Energy split over a mix and each part's CO₂, in grams rounded once per source (the sum is the
 * total: a figure people add up by hand agrees with it). Wh × bp / 10⁴ × kg/kWh = grams.
 */
export function carbonBySource(wh: number, mix: EnergyMix): { source: EnergySource; shareBp: number; energyWh: number; co2G: number }[] {
  return mix.map((m) => {
    const part = (wh * m.shareBp) / 10_000;
    return { source: m.source, shareBp: m.shareBp, energyWh: Math.round(part), co2G: Math.round(part * CO2_KG_PER_KWH[m.source]) };
  });
}

/** The blended factor of a stored mix, kg CO₂/kWh. */
export const storedMixFactor = (mix: EnergyMix) => mixFactor(Object.fromEntries(mix.map((m) => [m.source, m.shareBp])));
