import type { KpiNetwork } from '@/lib/domain/hosting/kpi';
import { subsidyBtcAtHeight } from '@/lib/domain/mining/constants';
import type { Db } from '../../client';
import { latestSnapshot } from '../market/snapshots';

/**
 * The network the CRM's revenue estimates use: the newest stored 5-minute snapshot (the market job
 * writes one every 5 minutes), or null before the first, or when it lacks the block height the reward
 * is read from. The API then says the revenue is unknown rather than guessing it.
 */
export async function latestHostingNetwork(db: Db): Promise<KpiNetwork | null> {
  const s = await latestSnapshot(db);
  if (!s || s.blockHeight === null) return null;
  return { btcPriceUsd: s.btcPriceUsd, difficulty: s.difficulty, blockRewardBtc: subsidyBtcAtHeight(s.blockHeight), feesPerBlockBtc: s.feesPerBlockBtc ?? 0 };
}
