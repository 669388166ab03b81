import type { Db } from '@/db/client';
import { snapshotAtOrBefore } from '@/db/queries/market/snapshots';
import { changePct, hashpricePerPhDay } from '@/lib/domain/market/hashprice';
import { halvingCountdown } from '@/lib/domain/market/halving';
import type { NetworkSnapshot } from '@/lib/domain/mining/network';
import { appMarket, type Market } from './current';

export type Change24h = { btcPriceUsd: number | null; difficulty: number | null; networkHashrateHs: number | null; hashpriceUsdPerPhDay: number | null; baseAt: string | null };

export type Metrics = NetworkSnapshot & {
  hashprice: { btcPerPhDay: number; usdPerPhDay: number };
  halving: ReturnType<typeof halvingCountdown>;
  change24h: Change24h;
};

const NO_CHANGE: Change24h = { btcPriceUsd: null, difficulty: null, networkHashrateHs: null, hashpriceUsdPerPhDay: null, baseAt: null };

/**
 * The public headline figures: the current snapshot (SWR cache), its hashprice, the halving
 * countdown and the change against the stored snapshot 24 hours before it (null when history does
 * not reach back that far — the change is never estimated).
 */
export async function currentMetrics(db: Db | null, market: Market = appMarket()): Promise<Metrics> {
  const s = await market.current();
  const hp = hashpricePerPhDay(s);
  let change24h = NO_CHANGE;
  if (db) {
    const base = await snapshotAtOrBefore(db, new Date(Date.parse(s.asOf) - 24 * 3600_000)).catch(() => null);
    // Only a base between 23 and 25 hours old is a 24-hour change.
    if (base && Date.parse(s.asOf) - base.bucketStart.getTime() <= 25 * 3600_000) {
      change24h = {
        btcPriceUsd: changePct(s.btcPriceUsd, base.btcPriceUsd),
        difficulty: changePct(s.difficulty, base.difficulty),
        networkHashrateHs: changePct(s.networkHashrateHs, base.networkHashrateHs),
        hashpriceUsdPerPhDay: changePct(hp.usd, base.hashpriceUsdPerPhDay),
        baseAt: base.bucketStart.toISOString(),
      };
    }
  }
  return { ...s, hashprice: { btcPerPhDay: hp.btc, usdPerPhDay: hp.usd }, halving: halvingCountdown(s.blockHeight, new Date(s.asOf)), change24h };
}
