import type { NetworkSnapshot } from '@/lib/domain/mining/network';
import { subsidyBtcAtHeight } from '@/lib/domain/mining/constants';
import { sourceText } from '@/lib/domain/market/source';
import raw from '@/db/seed/market-data/snapshot.json' with { type: 'json' };

/**
 * Fees per block when no source has a live figure: the newest day of the bundled network history
 * that has one (that day's fees over its ~144 blocks, the bundled equivalent of the live "mean of
 * the last 144 blocks"), labelled with its day. Never 0: a test checks it against the CSV.
 */
export function bundledFees(): { perBlockBtc: number; day: string; source: string } {
  const f = raw.bundledFees;
  return { perBlockBtc: f.perBlockBtc, day: f.day, source: sourceText({ kind: 'bundledHistory', day: f.day }) };
}

/**
 * The snapshot shipped with the app: real values observed at `observedAt` (see
 * db/seed/market-data/NOTICE.md), used when there is no network and nothing cached. The capture has
 * no fee figure, so fees are the bundled history's newest (bundledFees), with their own date.
 */
export function bundledSnapshot(): NetworkSnapshot {
  const bundled = sourceText({ kind: 'bundled', provider: 'mempool.space' });
  const fees = raw.feesPerBlockBtc === null ? bundledFees() : { perBlockBtc: raw.feesPerBlockBtc, source: bundled };
  return {
    btcPriceUsd: raw.btcPriceUsd,
    difficulty: raw.difficulty,
    networkHashrateHs: raw.networkHashrateHs,
    feesPerBlockBtc: fees.perBlockBtc,
    blockHeight: raw.blockHeight,
    blockRewardBtc: subsidyBtcAtHeight(raw.blockHeight),
    nextRetarget: raw.nextRetarget,
    asOf: raw.observedAt,
    sources: { price: bundled, difficulty: bundled, hashrate: bundled, fees: fees.source, height: bundled },
    origin: 'bundled',
    stale: true,
  };
}
