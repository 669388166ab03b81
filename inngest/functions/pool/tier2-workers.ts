import { listCollectableAccounts } from '@/db/queries/pool/accounts';
import { collectTier2Account } from '@/lib/integrations/antpool/collect';
import { type AccountResult, finishRun, guarded } from '@/lib/integrations/antpool/runs';
import type { JobsClient } from '../../client';

/** Tier 2, hourly: every worker of every leaf account, 50 per page; one step per account. */
export const poolTier2 = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'pool-tier2-workers', triggers: [{ cron: '0 * * * *' }], concurrency: { limit: 1 } }, async ({ step, db, antpool, notifier, now }) => {
    const startedAt = await step.run('start', () => now().toISOString());
    const accounts = await step.run('accounts', async () => (await listCollectableAccounts(db)).filter((a) => a.isLeaf));
    const results: AccountResult[] = [];
    for (const a of accounts) {
      results.push(await step.run(`workers-${a.id}`, () => guarded(db, a, new Date(startedAt), () => collectTier2Account(antpool, db, a.id, new Date(startedAt)))));
    }
    return step.run('summary', () => finishRun({ db, antpool, notifier, now }, 2, startedAt, results));
  });
