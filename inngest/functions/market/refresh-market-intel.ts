import { INTEL_SOURCES } from '@/lib/domain/market/intel';
import { refreshIntelSource } from '@/lib/integrations/market-intel/refresh';
import type { JobsClient } from '../../client';

/**
 * Every 15 minutes: funding, open interest and (Deribit) options IV from the three exchanges' public
 * endpoints, one step per exchange so a retry repeats only that one. Each figure is an upsert on
 * (source, metric): a retry or a second run rewrites the same rows. With the switch off
 * (MARKET_INTEL_LIVE=false, the demo and tests) it fetches and writes nothing. One run at a time.
 */
export const refreshMarketIntel = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'market-refresh-intel', triggers: [{ cron: '*/15 * * * *' }], concurrency: { limit: 1 } }, async ({ step, db, marketIntel, now: clock }) => {
    if (!marketIntel.live) return { fetched: false, reason: 'market intelligence fetching disabled' };
    const at = await step.run('now', () => clock().toISOString());
    const outcomes = [];
    for (const source of INTEL_SOURCES) outcomes.push(await step.run(`refresh-${source}`, () => refreshIntelSource(db, marketIntel, source, new Date(at))));
    return { fetched: true, at, outcomes };
  });
