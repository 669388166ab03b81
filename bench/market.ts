import type { Db } from '@/db/client';
import { listModelSpecs } from '@/db/queries/hosting/miner-catalogue';
import { seedNetworkDaily } from '@/db/seed/market';
import { loadNetworkAnalytics } from '@/lib/integrations/market/analytics';
import { MemoryStore } from '@/lib/integrations/market/cache';
import { createMarket } from '@/lib/integrations/market/current';
import { currentMetrics } from '@/lib/integrations/market/metrics';
import { startFakeMarketServer } from '../tests/helpers/fake-market-server';
import { time } from './timing';

/**
 * Market data paths the calculator, landing page and dashboard wait on. The sources are the
 * recorded replies on a loopback fake server: no traffic leaves the machine.
 */
export async function benchMarket(db: Db) {
  const fake = await startFakeMarketServer();
  try {
    const fresh = () => createMarket({ config: fake.config, store: new MemoryStore() });
    await seedNetworkDaily(db);
    // Each cold sample gets a market with an empty cache.
    let cold = fresh();
    const coldTimes = await time(() => cold.current(), 20, {
      before: () => {
        cold = fresh();
      },
    });
    const market = fresh();
    await market.current();
    return [
      { case: 'market: getCurrentNetwork warm (in-process SWR cache)', ...(await time(() => market.current(), 5000)) },
      { case: 'market: getCurrentNetwork cold (5 sources, loopback)', ...coldTimes },
      // What /calculator waits on before it renders: the model catalogue and the network snapshot.
      { case: 'calculator page data, warm cache (models + network)', ...(await time(() => Promise.all([listModelSpecs(db), market.current()]), 200)) },
      { case: 'market: /api/metrics figures warm (cache + 24h base query)', ...(await time(() => currentMetrics(db, market), 200)) },
      { case: 'market: /analytics 1y loader warm', ...(await time(() => loadNetworkAnalytics(db, '1y', new Date(), market), 20)) },
    ];
  } finally {
    await fake.close();
  }
}
