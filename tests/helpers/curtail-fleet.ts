import type { CurtailMiner, CustomerTier } from '@/lib/domain/power/curtailment/types';

/*
 * A fixed synthetic fleet for the curtailment tests and bench: the same miners on every run (a seeded
 * generator), a mix of models with measured figures scattered around their nameplates, customers of
 * every tier plus the farm's own machines, and feeders by position.
 */

const MODELS = [
  { hashrateThs: 200, powerW: 3500 },
  { hashrateThs: 141, powerW: 3010 },
  { hashrateThs: 104, powerW: 3068 },
  { hashrateThs: 112, powerW: 3472 },
  { hashrateThs: 126, powerW: 3276 },
  { hashrateThs: 56, powerW: 2520 },
];
const TIERS: CustomerTier[] = ['STANDARD', 'STANDARD', 'ENTERPRISE', 'VIP'];

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function syntheticFleet(n: number, opts: { feeders?: number; customers?: number; levels?: boolean; seed?: number } = {}): CurtailMiner[] {
  const rand = lcg(opts.seed ?? 42);
  const customers = opts.customers ?? 30;
  return Array.from({ length: n }, (_, i) => {
    const model = MODELS[Math.floor(rand() * MODELS.length)]!;
    const hashrateThs = model.hashrateThs * (0.82 + rand() * 0.2);
    const powerW = Math.round(model.powerW * (0.97 + rand() * 0.1));
    const c = Math.floor(rand() * (customers + 1));
    return {
      id: `m${String(i).padStart(5, '0')}`,
      customerId: c === customers ? null : `c${c}`,
      tier: c === customers ? null : TIERS[c % TIERS.length]!,
      powerW,
      hashrateThs,
      nominalHashrateThs: model.hashrateThs,
      nominalPowerW: model.powerW,
      uptimeRatio: 0.9 + rand() * 0.1,
      feederId: opts.feeders ? `f${i % opts.feeders}` : null,
      // Down-clocked points: hashrate falls slower than power (efficiency improves at lower clocks).
      levels: opts.levels
        ? [
            { powerW: Math.round(powerW * 0.8), hashrateThs: hashrateThs * 0.86 },
            { powerW: Math.round(powerW * 0.6), hashrateThs: hashrateThs * 0.7 },
          ]
        : undefined,
    };
  });
}
