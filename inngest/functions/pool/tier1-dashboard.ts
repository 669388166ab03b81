import { listCollectableAccounts } from '@/db/queries/pool-accounts';
import { collectPoolStats, collectTier1Account } from '@/lib/integrations/antpool/collect';
import { type AccountResult, finishRun, guarded } from '@/lib/integrations/antpool/runs';
import { inngest } from '../../client';
import { jobDb } from '../../context';

/** Tier 1, every 10 minutes: pool stats, balances and hashrate per account, offline workers. About 3 requests per account. */
export const poolTier1 = inngest.createFunction(
  { id: 'pool-tier1-dashboard', triggers: [{ cron: '*/10 * * * *' }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const startedAt = await step.run('start', () => new Date().toISOString());
    const accounts = await step.run('accounts', async () => listCollectableAccounts(await jobDb()));
    const results: AccountResult[] = [];
    const statsFrom = new Map(accounts.map((a) => [a.orgId, a] as const));
    for (const a of statsFrom.values()) {
      results.push(await step.run(`pool-stats-${a.orgId}`, async () => guarded(await jobDb(), a, new Date(startedAt), async () => collectPoolStats(await jobDb(), a.id, new Date(startedAt)))));
    }
    for (const a of accounts) {
      results.push(await step.run(`account-${a.id}`, async () => guarded(await jobDb(), a, new Date(startedAt), async () => collectTier1Account(await jobDb(), a.id, a.isLeaf, new Date(startedAt)))));
    }
    return step.run('summary', async () => finishRun(await jobDb(), 1, startedAt, results));
  },
);
