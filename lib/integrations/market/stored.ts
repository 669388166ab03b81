import type { StoredSnapshot } from '@/db/queries/market/snapshots';
import { subsidyBtcAtHeight } from '@/lib/domain/mining/constants';
import type { NetworkSnapshot } from '@/lib/domain/mining/network';
import { sourceText } from '@/lib/domain/market/source';
import { bundledFees, bundledSnapshot } from './bundled';

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
  const stored = (provider: string | undefined) => sourceText({ kind: 'stored', provider });
  const fees = s.feesPerBlockBtc !== null ? { perBlockBtc: s.feesPerBlockBtc, source: stored(src.fees?.source) } : bundledFees();
  return {
    btcPriceUsd: s.btcPriceUsd,
    difficulty: s.difficulty,
    networkHashrateHs: s.networkHashrateHs,
    feesPerBlockBtc: fees.perBlockBtc,
    blockHeight: height,
    blockRewardBtc: subsidyBtcAtHeight(height),
    nextRetarget: retarget?.estimatedAt && typeof retarget.changePct === 'number' ? { estimatedAt: retarget.estimatedAt, changePct: retarget.changePct, remainingBlocks: retarget.remainingBlocks ?? 0 } : null,
    asOf,
    sources: {
      price: stored(src.price?.source),
      difficulty: stored(src.difficulty?.source),
      hashrate: src.difficulty?.hashrateDerived ? sourceText({ kind: 'derivedStored', provider: src.difficulty?.source }) : stored(src.difficulty?.source),
      fees: fees.source,
      height: src.height?.source ? stored(src.height.source) : bundledSnapshot().sources.height!,
    },
    origin: 'cache',
    stale: now - Date.parse(asOf) > staleAfterMs,
  };
}
