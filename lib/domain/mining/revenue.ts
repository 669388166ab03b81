import { BLOCKS_PER_DAY, SECONDS_PER_DAY, TARGET_BLOCK_SECONDS, TH, TWO_POW_32 } from './constants';

/*
 * Expected mining revenue (REFERENCE §1). Two independent algorithms, which the calculator shows
 * side by side: they agree exactly when the network hashrate equals the one implied by difficulty.
 */

export type RewardInput = {
  /** Block subsidy in BTC (3.125 since height 840,000). */
  blockRewardBtc: number;
  /** Average fees per block in BTC (mean of the last 144 blocks). */
  feesPerBlockBtc: number;
};

/** Network hashrate (H/s) implied by a difficulty: D · 2³² / 600. */
export function impliedNetworkHashrateHs(difficulty: number): number {
  return (difficulty * TWO_POW_32) / TARGET_BLOCK_SECONDS;
}

/** "Difficulty" algorithm: H · 86400 · (R + F) / (D · 2³²). */
export function btcPerDayByDifficulty(input: RewardInput & { hashrateHs: number; difficulty: number }): number {
  if (input.difficulty <= 0) throw new RangeError('difficulty must be positive');
  return (input.hashrateHs * SECONDS_PER_DAY * (input.blockRewardBtc + input.feesPerBlockBtc)) / (input.difficulty * TWO_POW_32);
}

/** "Network share" algorithm: (H / network hashrate) · 144 · (R + F). */
export function btcPerDayByNetworkShare(input: RewardInput & { hashrateHs: number; networkHashrateHs: number }): number {
  if (input.networkHashrateHs <= 0) throw new RangeError('network hashrate must be positive');
  return (input.hashrateHs / input.networkHashrateHs) * BLOCKS_PER_DAY * (input.blockRewardBtc + input.feesPerBlockBtc);
}

export type DualAlgorithmResult = {
  byDifficultyBtc: number;
  byNetworkShareBtc: number;
  /** (network share − difficulty) / difficulty. */
  relativeDifference: number;
  /** larger / smaller; the original system flags a disagreement beyond ×2. */
  ratio: number;
  disagrees: boolean;
};

export const DISAGREEMENT_RATIO = 2;

export function dualAlgorithmBtcPerDay(
  input: RewardInput & { hashrateHs: number; difficulty: number; networkHashrateHs: number },
  threshold = DISAGREEMENT_RATIO,
): DualAlgorithmResult {
  const a = btcPerDayByDifficulty(input);
  const b = btcPerDayByNetworkShare(input);
  const ratio = a === 0 && b === 0 ? 1 : Math.max(a, b) / Math.min(a, b);
  return { byDifficultyBtc: a, byNetworkShareBtc: b, relativeDifference: a === 0 ? 0 : (b - a) / a, ratio, disagrees: ratio > threshold };
}

/** Hashprice (Luxor): expected BTC per TH/s per day at a difficulty. Multiply by 1,000 for PH/s. */
export function hashpriceBtcPerThDay(input: RewardInput & { difficulty: number }): number {
  return btcPerDayByDifficulty({ ...input, hashrateHs: TH });
}
