import { listCollectableAccounts } from '@/db/queries/pool/accounts';
import { collectTier3Account } from '@/lib/integrations/antpool/collect';
import { type AccountResult, finishRun, guarded } from '@/lib/integrations/antpool/runs';
import type { JobsClient } from '../../client';

/** Tier 3, daily 02:00 UTC: earnings (recv history), payouts, yesterday's per-worker summaries. */
export const poolTier3 = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'pool-tier3-financial', triggers: [{ cron: '0 2 * * *' }], concurrency: { limit: 1 } }, async ({ step, db, antpool, notifier, now }) => {
    const startedAt = await step.run('start', () => now().toISOString());
    const accounts = await step.run('accounts', async () => (await listCollectableAccounts(db)).filter((a) => a.isLeaf));
    const results: AccountResult[] = [];
    for (const a of accounts) {
      results.push(await step.run(`financial-${a.id}`, () => guarded(db, a, new Date(startedAt), () => collectTier3Account(antpool, db, a.id, new Date(startedAt)))));
    }
    return step.run('summary', () => finishRun({ db, antpool, notifier, now }, 3, startedAt, results));
  });
