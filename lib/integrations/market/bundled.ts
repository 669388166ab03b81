import type { NetworkSnapshot } from '@/lib/domain/mining/network';
import type { BundledSnapshotFile } from '@/lib/domain/market/bundled-snapshot';
import { subsidyBtcAtHeight } from '@/lib/domain/mining/constants';
import { sourceText } from '@/lib/domain/market/source';
import json from '@/db/seed/market-data/snapshot.json' with { type: 'json' };

const raw: BundledSnapshotFile = json;
const bundledOn = (day: string) => sourceText({ kind: 'bundledHistory', day });

/**
 * Fees per block when no source has a live figure: the newest day of the bundled network history
 * that has one (that day's fees over its ~144 blocks, the bundled equivalent of the live "mean of
 * the last 144 blocks"), labelled with its day. Never 0: a test checks it against the CSV.
 */
export function bundledFees(): { perBlockBtc: number; day: string; source: string } {
  const f = raw.fees;
  return { perBlockBtc: f.perBlockBtc, day: f.day, source: bundledOn(f.day) };
}

/**
 * The snapshot shipped with the app, used when there is no network and nothing stored: the newest
 * value of each kind the bundled data holds, each source naming its own day, `asOf` the oldest of
 * them (derivation in lib/domain/market/bundled-snapshot.ts, provenance in
 * db/seed/market-data/NOTICE.md and data/btc-network/PROVENANCE.md). No retarget estimate offline.
 */
export function bundledSnapshot(): NetworkSnapshot {
  return {
    btcPriceUsd: raw.price.usd,
    difficulty: raw.difficulty.value,
    networkHashrateHs: raw.hashrate.hs,
    feesPerBlockBtc: raw.fees.perBlockBtc,
    blockHeight: raw.height.value,
    blockRewardBtc: subsidyBtcAtHeight(raw.height.value),
    nextRetarget: null,
    // A day in the file; an instant here, as every NetworkSnapshot.asOf (jobs and events parse it as one).
    asOf: `${raw.asOf}T00:00:00.000Z`,
    sources: { price: bundledOn(raw.price.day), difficulty: bundledOn(raw.difficulty.day), hashrate: bundledOn(raw.hashrate.day), fees: bundledOn(raw.fees.day), height: bundledOn(raw.height.day) },
    origin: 'bundled',
    stale: true,
  };
}
