/**
 * Pool-reported against miner-reported hashrate. The pool counts accepted shares, the miner its own
 * hash boards; beyond a few percent over an hour the difference means rejects, a wrong link, or a
 * miner reporting more than it delivers.
 */
export const DEVIATION_WARN_PCT = 10;

/** (pool − miner) / miner in percent, or null when the miner reported nothing to compare with. */
export function deviationPct(poolThs: number | null, minerThs: number | null): number | null {
  if (poolThs === null || minerThs === null || !Number.isFinite(poolThs) || !Number.isFinite(minerThs) || minerThs <= 0) return null;
  return ((poolThs - minerThs) / minerThs) * 100;
}

export function isDeviant(pct: number | null, thresholdPct = DEVIATION_WARN_PCT): boolean {
  return pct !== null && Math.abs(pct) > thresholdPct;
}
