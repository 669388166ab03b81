/** Nominal stock-firmware figures (REFERENCE §2). Upserted at every start, so the catalogue is never missing. */
export const MINER_MODEL_CATALOGUE = [
  { vendor: 'Bitmain', name: 'Antminer S19', hashrateThs: 95, powerW: 3250, cooling: 'air' },
  { vendor: 'Bitmain', name: 'Antminer S19 Pro', hashrateThs: 110, powerW: 3250, cooling: 'air' },
  { vendor: 'Bitmain', name: 'Antminer S19j Pro', hashrateThs: 104, powerW: 3068, cooling: 'air' },
  { vendor: 'Bitmain', name: 'Antminer S19k Pro', hashrateThs: 120, powerW: 2760, cooling: 'air' },
  { vendor: 'Bitmain', name: 'Antminer S19 XP', hashrateThs: 140, powerW: 3010, cooling: 'air' },
  { vendor: 'Bitmain', name: 'Antminer S21', hashrateThs: 200, powerW: 3500, cooling: 'air' },
  { vendor: 'Bitmain', name: 'Antminer S21+', hashrateThs: 216, powerW: 3564, cooling: 'air' },
  { vendor: 'Bitmain', name: 'Antminer S21 Pro', hashrateThs: 234, powerW: 3531, cooling: 'air' },
  { vendor: 'Bitmain', name: 'Antminer S21 XP', hashrateThs: 270, powerW: 3645, cooling: 'air' },
  { vendor: 'Bitmain', name: 'Antminer S21 Hyd', hashrateThs: 335, powerW: 5360, cooling: 'hydro' },
  { vendor: 'Bitmain', name: 'Antminer S21 XP Hyd', hashrateThs: 473, powerW: 5676, cooling: 'hydro' },
  { vendor: 'Bitmain', name: 'Antminer T19', hashrateThs: 84, powerW: 3150, cooling: 'air' },
  { vendor: 'MicroBT', name: 'Whatsminer M30S++', hashrateThs: 112, powerW: 3472, cooling: 'air' },
  { vendor: 'MicroBT', name: 'Whatsminer M50', hashrateThs: 114, powerW: 3306, cooling: 'air' },
  { vendor: 'MicroBT', name: 'Whatsminer M50S', hashrateThs: 126, powerW: 3276, cooling: 'air' },
  { vendor: 'MicroBT', name: 'Whatsminer M53S', hashrateThs: 226, powerW: 6554, cooling: 'hydro' },
  { vendor: 'MicroBT', name: 'Whatsminer M56S', hashrateThs: 212, powerW: 5550, cooling: 'hydro' },
  { vendor: 'MicroBT', name: 'Whatsminer M60S', hashrateThs: 186, powerW: 3441, cooling: 'air' },
  { vendor: 'Canaan', name: 'Avalon A1366', hashrateThs: 130, powerW: 3250, cooling: 'air' },
  { vendor: 'Canaan', name: 'Avalon A1466', hashrateThs: 150, powerW: 3230, cooling: 'air' },
  { vendor: 'Canaan', name: 'Avalon A16', hashrateThs: 282, powerW: 3900, cooling: 'air' },
  { vendor: 'Canaan', name: 'Avalon A16 XP', hashrateThs: 300, powerW: 3850, cooling: 'air' },
  { vendor: 'Canaan', name: 'Avalon Mini 3', hashrateThs: 37.5, powerW: 800, cooling: 'air' },
  { vendor: 'Bitdeer', name: 'Bitdeer SealMiner A2', hashrateThs: 226, powerW: 3729, cooling: 'air' },
] as const;

export type CatalogueModel = (typeof MINER_MODEL_CATALOGUE)[number];
