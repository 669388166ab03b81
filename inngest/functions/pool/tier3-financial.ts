import { listCollectableAccounts } from '@/db/queries/pool-accounts';
import { collectTier3Account } from '@/lib/integrations/antpool/collect';
import { type AccountResult, finishRun, guarded } from '@/lib/integrations/antpool/runs';
import { inngest } from '../../client';
import { jobDb } from '../../context';

/** Tier 3, daily 02:00 UTC: earnings (recv history), payouts, yesterday's per-worker summaries. */
export const poolTier3 = inngest.createFunction(
  { id: 'pool-tier3-financial', triggers: [{ cron: '0 2 * * *' }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const startedAt = await step.run('start', () => new Date().toISOString());
    const accounts = await step.run('accounts', async () => (await listCollectableAccounts(await jobDb())).filter((a) => a.isLeaf));
    const results: AccountResult[] = [];
    for (const a of accounts) {
      results.push(await step.run(`financial-${a.id}`, async () => guarded(await jobDb(), a, new Date(startedAt), async () => collectTier3Account(await jobDb(), a.id, new Date(startedAt)))));
    }
    return step.run('summary', async () => finishRun(await jobDb(), 3, startedAt, results));
  },
);
