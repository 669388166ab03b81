import type { StoredSnapshot } from '@/db/queries/market/snapshots';
import { subsidyBtcAtHeight } from '@/lib/domain/mining/constants';
import type { NetworkSnapshot } from '@/lib/domain/mining/network';
import { bundledSnapshot } from './bundled';

/** The app's newest stored 5-minute snapshot (imported lazily: the market clients work without a database). */
export async function latestStoredSnapshot(): Promise<StoredSnapshot | null> {
  const [{ getDb }, { latestSnapshot }] = await Promise.all([import('@/db'), import('@/db/queries/market/snapshots')]);
  return latestSnapshot(await getDb());
}

type SourceInfo = { source?: string; at?: string; hashrateDerived?: boolean; estimatedAt?: string; changePct?: number; remainingBlocks?: number } | null;

/** A stored observation as a NetworkSnapshot: origin 'cache', stale once older than `staleAfterMs`. */
export function storedToSnapshot(s: StoredSnapshot, staleAfterMs: number, now = Date.now()): NetworkSnapshot {
  const src = s.sources as Record<string, SourceInfo>;
  const asOf = src.price?.at ?? s.bucketStart.toISOString();
  const height = s.blockHeight ?? bundledSnapshot().blockHeight;
  const retarget = src.retarget;
  return {
    btcPriceUsd: s.btcPriceUsd,
    difficulty: s.difficulty,
    networkHashrateHs: s.networkHashrateHs,
    feesPerBlockBtc: s.feesPerBlockBtc ?? 0,
    blockHeight: height,
    blockRewardBtc: subsidyBtcAtHeight(height),
    nextRetarget: retarget?.estimatedAt && typeof retarget.changePct === 'number' ? { estimatedAt: retarget.estimatedAt, changePct: retarget.changePct, remainingBlocks: retarget.remainingBlocks ?? 0 } : null,
    asOf,
    sources: {
      price: `${src.price?.source ?? 'unknown'} (stored)`,
      difficulty: `${src.difficulty?.source ?? 'unknown'} (stored)`,
      hashrate: src.difficulty?.hashrateDerived ? `derived from ${src.difficulty?.source} difficulty (stored)` : `${src.difficulty?.source ?? 'unknown'} (stored)`,
      fees: src.fees?.source ? `${src.fees.source} (stored)` : 'unavailable (counted as 0)',
      height: src.height?.source ? `${src.height.source} (stored)` : 'bundled (mempool.space)',
    },
    origin: 'cache',
    stale: now - Date.parse(asOf) > staleAfterMs,
  };
}
