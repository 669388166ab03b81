import { listCollectableAccounts } from '@/db/queries/pool-accounts';
import { collectTier2Account } from '@/lib/integrations/antpool/collect';
import { type AccountResult, finishRun, guarded } from '@/lib/integrations/antpool/runs';
import { inngest } from '../../client';
import { jobDb } from '../../context';

/** Tier 2, hourly: every worker of every leaf account, 50 per page; one step per account. */
export const poolTier2 = inngest.createFunction(
  { id: 'pool-tier2-workers', triggers: [{ cron: '0 * * * *' }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const startedAt = await step.run('start', () => new Date().toISOString());
    const accounts = await step.run('accounts', async () => (await listCollectableAccounts(await jobDb())).filter((a) => a.isLeaf));
    const results: AccountResult[] = [];
    for (const a of accounts) {
      results.push(await step.run(`workers-${a.id}`, async () => guarded(await jobDb(), a, new Date(startedAt), async () => collectTier2Account(await jobDb(), a.id, new Date(startedAt)))));
    }
    return step.run('summary', async () => finishRun(await jobDb(), 2, startedAt, results));
  },
);
