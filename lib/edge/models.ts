import type { MinerReading } from './types';

export type ModelSpec = { name: string; vendor: MinerReading['vendor']; nominalThs: number; powerW: number };

/** Nominal stock-firmware figures from REFERENCE §2; used when a miner does not report its power. */
export const MODEL_CATALOGUE: readonly ModelSpec[] = [
  { name: 'Antminer S19', vendor: 'antminer', nominalThs: 95, powerW: 3250 },
  { name: 'Antminer S19 Pro', vendor: 'antminer', nominalThs: 110, powerW: 3250 },
  { name: 'Antminer S19j Pro', vendor: 'antminer', nominalThs: 104, powerW: 3068 },
  { name: 'Antminer S19k Pro', vendor: 'antminer', nominalThs: 120, powerW: 2760 },
  { name: 'Antminer S19 XP', vendor: 'antminer', nominalThs: 140, powerW: 3010 },
  { name: 'Antminer S21', vendor: 'antminer', nominalThs: 200, powerW: 3500 },
  { name: 'Antminer S21+', vendor: 'antminer', nominalThs: 216, powerW: 3564 },
  { name: 'Antminer S21 Pro', vendor: 'antminer', nominalThs: 234, powerW: 3531 },
  { name: 'Antminer S21 XP', vendor: 'antminer', nominalThs: 270, powerW: 3645 },
  { name: 'Antminer S21 Hyd', vendor: 'antminer', nominalThs: 335, powerW: 5360 },
  { name: 'Antminer S21 XP Hyd', vendor: 'antminer', nominalThs: 473, powerW: 5676 },
  { name: 'Antminer T19', vendor: 'antminer', nominalThs: 84, powerW: 3150 },
  { name: 'Whatsminer M30S++', vendor: 'whatsminer', nominalThs: 112, powerW: 3472 },
  { name: 'Whatsminer M50', vendor: 'whatsminer', nominalThs: 114, powerW: 3306 },
  { name: 'Whatsminer M50S', vendor: 'whatsminer', nominalThs: 126, powerW: 3276 },
  { name: 'Whatsminer M53S', vendor: 'whatsminer', nominalThs: 226, powerW: 6554 },
  { name: 'Whatsminer M56S', vendor: 'whatsminer', nominalThs: 212, powerW: 5550 },
  { name: 'Whatsminer M60S', vendor: 'whatsminer', nominalThs: 186, powerW: 3441 },
  { name: 'Avalon A1366', vendor: 'avalon', nominalThs: 130, powerW: 3250 },
  { name: 'Avalon A1466', vendor: 'avalon', nominalThs: 150, powerW: 3230 },
  { name: 'Avalon A16', vendor: 'avalon', nominalThs: 282, powerW: 3900 },
  { name: 'Avalon A16 XP', vendor: 'avalon', nominalThs: 300, powerW: 3850 },
  { name: 'Avalon Mini 3', vendor: 'avalon', nominalThs: 37.5, powerW: 800 },
  { name: 'Bitdeer SealMiner A2', vendor: 'sealminer', nominalThs: 226, powerW: 3729 },
  // Scrypt: 14 GH/s is 0.014 TH/s in the normalised unit.
  { name: 'Elphapex DG1+', vendor: 'elphapex', nominalThs: 0.014, powerW: 3920 },
  // Air-cooled Teraflux; approximate figures from Auradine's launch announcement (no datasheet in the repository).
  { name: 'Auradine AT1500', vendor: 'auradine', nominalThs: 180, powerW: 3400 },
];

/** "Antminer S19 Pro", "S19 Pro", "s19pro" and btminer's "M50S.VH50" / "M50SVH50" all match one key. */
function modelKey(name: string): string {
  const bare = name
    .toLowerCase()
    .replace(/^(bitmain\s+)?antminer\s+|^(microbt\s+)?whatsminer\s+|^(canaan\s+)?avalon(miner)?\s+|^bitdeer\s+|^elphapex\s+|^auradine\s+(teraflux\s+)?/, '')
    .replace(/\s+/g, '');
  // btminer appends the hardware revision to the model (M50S.VH50, M50SVH50, M30S++_VG30).
  return bare.replace(/^(m\d+s?\+*)[._]?v[a-z]\d+$/, '$1');
}

const BY_KEY = new Map(MODEL_CATALOGUE.map((m) => [modelKey(m.name), m]));

export function findModel(name: string | null | undefined): ModelSpec | null {
  if (!name) return null;
  return BY_KEY.get(modelKey(name)) ?? null;
}

export function catalogueModelPowerW(model: string): number | null {
  return findModel(model)?.powerW ?? null;
}
