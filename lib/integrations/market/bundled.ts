import type { NetworkSnapshot } from '@/lib/domain/mining/network';
import { subsidyBtcAtHeight } from '@/lib/domain/mining/constants';
import raw from '@/db/seed/market-data/snapshot.json' with { type: 'json' };

/**
 * The snapshot shipped with the app: real values observed at `observedAt` (see
 * db/seed/market-data/NOTICE.md), used when there is no network and nothing cached. The capture has no
 * fee figure, so fees count as zero and `sources.fees` says so: revenue is then understated by
 * the fee share (a few per cent at that date), never overstated.
 */
export function bundledSnapshot(): NetworkSnapshot {
  return {
    btcPriceUsd: raw.btcPriceUsd,
    difficulty: raw.difficulty,
    networkHashrateHs: raw.networkHashrateHs,
    feesPerBlockBtc: raw.feesPerBlockBtc ?? 0,
    blockHeight: raw.blockHeight,
    blockRewardBtc: subsidyBtcAtHeight(raw.blockHeight),
    nextRetarget: raw.nextRetarget,
    asOf: raw.observedAt,
    sources: {
      price: 'bundled (mempool.space)',
      difficulty: 'bundled (mempool.space)',
      hashrate: 'bundled (mempool.space)',
      fees: raw.feesPerBlockBtc === null ? 'unavailable (counted as 0)' : 'bundled (mempool.space)',
      height: 'bundled (mempool.space)',
    },
    origin: 'bundled',
    stale: true,
  };
}
