import { createJobs } from '@/inngest';
import type { JobDeps } from '@/inngest/deps';
import { createAntpool } from '@/lib/integrations/antpool/factory';
import { MemoryStore } from '@/lib/integrations/market/cache';
import { createMarket } from '@/lib/integrations/market/current';
import { createNotifier } from '@/lib/integrations/notify';
import { fetchPriceFeed } from '@/lib/integrations/power-prices/feed';

/** Nothing listens there: a job reaching for a source its test did not fake fails instead of calling out. */
const NOWHERE = 'http://127.0.0.1:9';

/**
 * A test's job dependencies: its own database; market sources and the pool go nowhere and
 * notifications use the test process's configuration, unless the test passes its own fakes.
 */
export function testJobDeps(deps: Partial<JobDeps> & Pick<JobDeps, 'db'>): JobDeps {
  return {
    market: createMarket({ config: { live: false, coingeckoUrl: NOWHERE, mempoolUrl: NOWHERE, blockchainInfoUrl: NOWHERE }, store: new MemoryStore() }),
    marketIntel: { live: false, deribitUrl: NOWHERE, okxUrl: NOWHERE, binanceUrl: NOWHERE },
    antpool: createAntpool({ baseUrl: NOWHERE }),
    notifier: createNotifier(),
    now: () => new Date(),
    fetchPowerPrices: (url) => fetchPriceFeed(url, { retries: 0, timeoutMs: 2000 }),
    ...deps,
  };
}

/** Every job, on a client that hands them the test's dependencies. */
export function testJobs(deps: Partial<JobDeps> & Pick<JobDeps, 'db'>) {
  return createJobs(testJobDeps(deps));
}
