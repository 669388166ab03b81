import type { CurtailMiner } from './types';

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/**
 * The original system's performance score (REFERENCE §6), 0–100:
 * (hashrate ratio × 0.70 + reference/actual power × 0.20 + uptime × 0.10) × 100.
 * Each ratio is clamped to 0..1, so a miner drawing less than its nameplate or hashing above it
 * cannot score past a healthy one.
 */
export function performanceScore(m: Pick<CurtailMiner, 'hashrateThs' | 'nominalHashrateThs' | 'powerW' | 'nominalPowerW' | 'uptimeRatio'>): number {
  const hashrateRatio = m.nominalHashrateThs > 0 ? clamp01(m.hashrateThs / m.nominalHashrateThs) : 0;
  const powerRatio = m.powerW > 0 ? clamp01(m.nominalPowerW / m.powerW) : 0;
  return (hashrateRatio * 0.7 + powerRatio * 0.2 + clamp01(m.uptimeRatio) * 0.1) * 100;
}
