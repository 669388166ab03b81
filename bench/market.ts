import type { Db } from '@/db/client';
import { listModelSpecs } from '@/db/queries/miner-catalogue';
import { seedNetworkDaily } from '@/db/seed/market';
import { loadNetworkAnalytics } from '@/lib/integrations/market/analytics';
import { resetMarketStoreForTests } from '@/lib/integrations/market/cache';
import { setMarketConfigForTests } from '@/lib/integrations/market/config';
import { getCurrentNetwork } from '@/lib/integrations/market/current';
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
    setMarketConfigForTests(fake.config);
    await seedNetworkDaily(db);
    resetMarketStoreForTests();
    const cold = await time(() => getCurrentNetwork(), 20, { before: () => resetMarketStoreForTests() });
    resetMarketStoreForTests();
    await getCurrentNetwork();
    return [
      { case: 'market: getCurrentNetwork warm (in-process SWR cache)', ...(await time(() => getCurrentNetwork(), 5000)) },
      { case: 'market: getCurrentNetwork cold (5 sources, loopback)', ...cold },
      // What /calculator waits on before it renders: the model catalogue and the network snapshot.
      { case: 'calculator page data, warm cache (models + network)', ...(await time(() => Promise.all([listModelSpecs(db), getCurrentNetwork()]), 200)) },
      { case: 'market: /api/metrics figures warm (cache + 24h base query)', ...(await time(() => currentMetrics(db), 200)) },
      { case: 'market: /analytics 1y loader warm', ...(await time(() => loadNetworkAnalytics(db, '1y'), 20)) },
    ];
  } finally {
    setMarketConfigForTests(undefined);
    await fake.close();
  }
}
