/**
 * The network and market values the calculator, dashboards and alerts run on, with where and when
 * they came from. `origin` says whether they are live, from the cache, or the bundled snapshot
 * (then `stale` is true and the UI says so with `asOf`). Produced by lib/integrations/market.
 */
export type NetworkSnapshot = {
  btcPriceUsd: number;
  difficulty: number;
  networkHashrateHs: number;
  /** Mean fees per block over the last 144 blocks, in BTC. */
  feesPerBlockBtc: number;
  blockHeight: number;
  blockRewardBtc: number;
  nextRetarget: { estimatedAt: string; changePct: number; remainingBlocks: number } | null;
  /** When the values were observed (ISO 8601). */
  asOf: string;
  /** Source per value, e.g. { price: 'coingecko', difficulty: 'mempool.space' }. */
  sources: Record<string, string>;
  origin: 'live' | 'cache' | 'bundled';
  stale: boolean;
};
