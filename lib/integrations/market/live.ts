import type { NetworkSnapshot } from '@/lib/domain/mining/network';
import { subsidyBtcAtHeight } from '@/lib/domain/mining/constants';
import { sourceText } from '@/lib/domain/market/source';
import { bundledFees, bundledSnapshot } from './bundled';
import type { MarketConfig } from './config';
import { type DifficultyHashrate, fetchBlockHeight, fetchBtcPriceUsd, fetchDifficultyHashrate, fetchFeesPerBlockBtc, fetchNextRetarget, type Retarget, type Sourced } from './sources';

/** Everything one refresh observed, each value with its own source and time (what the cache keeps). */
export type MarketValues = {
  price: Sourced<number>;
  network: Sourced<DifficultyHashrate>;
  fees: Sourced<number> | null;
  height: Sourced<number> | null;
  retarget: Sourced<Retarget> | null;
};

/**
 * Fetches all values at once. Price and difficulty are required (no snapshot without them); fees,
 * height and the retarget estimate keep their previous observation when their source is down.
 */
export async function fetchLiveValues(config: MarketConfig, previous: MarketValues | null): Promise<MarketValues> {
  const [price, network, fees, height, retarget] = await Promise.allSettled([
    fetchBtcPriceUsd(config),
    fetchDifficultyHashrate(config),
    fetchFeesPerBlockBtc(config),
    fetchBlockHeight(config),
    fetchNextRetarget(config),
  ]);
  if (price.status === 'rejected') throw price.reason;
  if (network.status === 'rejected') throw network.reason;
  return {
    price: price.value,
    network: network.value,
    fees: fees.status === 'fulfilled' ? fees.value : (previous?.fees ?? null),
    height: height.status === 'fulfilled' ? height.value : (previous?.height ?? null),
    retarget: retarget.status === 'fulfilled' ? retarget.value : (previous?.retarget ?? null),
  };
}

export function toSnapshot(v: MarketValues, origin: NetworkSnapshot['origin'], stale: boolean): NetworkSnapshot {
  const fallback = bundledSnapshot();
  const blockHeight = v.height?.value ?? fallback.blockHeight;
  const asOf = v.price.at < v.network.at ? v.price.at : v.network.at;
  const fees = v.fees ? { perBlockBtc: v.fees.value, source: v.fees.source } : bundledFees();
  return {
    btcPriceUsd: v.price.value,
    difficulty: v.network.value.difficulty,
    networkHashrateHs: v.network.value.networkHashrateHs,
    feesPerBlockBtc: fees.perBlockBtc,
    blockHeight,
    blockRewardBtc: subsidyBtcAtHeight(blockHeight),
    nextRetarget: v.retarget ? { estimatedAt: v.retarget.value.estimatedAt, changePct: v.retarget.value.changePct, remainingBlocks: v.retarget.value.remainingBlocks } : null,
    asOf,
    sources: {
      price: v.price.source,
      difficulty: v.network.source,
      hashrate: v.network.value.hashrateDerived ? sourceText({ kind: 'derived', provider: v.network.source }) : v.network.source,
      fees: fees.source,
      height: v.height ? v.height.source : fallback.sources.height!,
      ...(v.retarget ? { retarget: v.retarget.source } : {}),
    },
    origin,
    stale,
  };
}
