import { bucketStartOf, rollupDayFromSnapshots, upsertSnapshot } from '@/db/queries/market/snapshots';
import { subsidyBtcAtHeight } from '@/lib/domain/mining/constants';
import { hashpricePerPhDay } from '@/lib/domain/market/hashprice';
import { bundledFees, bundledSnapshot } from '@/lib/integrations/market/bundled';
import type { JobsClient } from '../../client';
import { payload, snapshotStored } from '../../events';

/**
 * Every 5 minutes: fetches live network values (warming the SWR cache on the way), stores them in
 * their 5-minute bucket with an upsert (a retry or re-run rewrites the same row), rolls the day up
 * into network_daily, then announces
 * the bucket so alert rules are checked. Offline it stores nothing: history holds observations only.
 */
export const storeNetworkSnapshot = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'market-store-network-snapshot', triggers: [{ cron: '*/5 * * * *' }], concurrency: { limit: 1 } }, async ({ step, db, market }) => {
    const values = await step.run('fetch-live', async () => {
      if (!market.config.live) return null;
      return market.refresh((await market.cached())?.value ?? null);
    });
    if (!values) return { stored: false, reason: 'market sources disabled or unreachable' };

    const bucketStart = await step.run('store', async () => {
      const bucket = bucketStartOf(new Date(values.price.at));
      const height = values.height?.value ?? null;
      const fees = values.fees?.value ?? null;
      // Without a live fee the hashprice uses the bundled history's newest (dated in sources.fees), never 0.
      const fallbackFees = bundledFees();
      const hp = hashpricePerPhDay({
        difficulty: values.network.value.difficulty,
        // Without a height the subsidy of the bundled snapshot's era applies (3.125 BTC until block 1,050,000).
        blockRewardBtc: subsidyBtcAtHeight(height ?? bundledSnapshot().blockHeight),
        feesPerBlockBtc: fees ?? fallbackFees.perBlockBtc,
        btcPriceUsd: values.price.value,
      });
      await upsertSnapshot(db, {
        bucketStart: bucket,
        btcPriceUsd: values.price.value,
        difficulty: values.network.value.difficulty,
        networkHashrateHs: values.network.value.networkHashrateHs,
        feesPerBlockBtc: fees,
        blockHeight: height,
        hashpriceBtcPerPhDay: hp.btc,
        hashpriceUsdPerPhDay: hp.usd,
        sources: {
          price: { source: values.price.source, at: values.price.at },
          difficulty: { source: values.network.source, at: values.network.at, hashrateDerived: values.network.value.hashrateDerived },
          fees: values.fees ? { source: values.fees.source, at: values.fees.at } : { source: fallbackFees.source, at: fallbackFees.day },
          height: values.height ? { source: values.height.source, at: values.height.at } : null,
          retarget: values.retarget ? { ...values.retarget.value, source: values.retarget.source, at: values.retarget.at } : null,
        },
      });
      return bucket.toISOString();
    });
    await step.run('rollup-day', () => rollupDayFromSnapshots(db, bucketStart.slice(0, 10)));

    await step.sendEvent('announce', payload(snapshotStored, { bucketStart }));
    return { stored: true, bucketStart };
  });
