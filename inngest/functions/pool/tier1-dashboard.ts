import { listCollectableAccounts } from '@/db/queries/pool/accounts';
import { collectPoolStats, collectTier1Account } from '@/lib/integrations/antpool/collect';
import { type AccountResult, finishRun, guarded } from '@/lib/integrations/antpool/runs';
import type { JobsClient } from '../../client';

/** Tier 1, every 10 minutes: pool stats, balances and hashrate per account, offline workers. About 3 requests per account. */
export const poolTier1 = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'pool-tier1-dashboard', triggers: [{ cron: '*/10 * * * *' }], concurrency: { limit: 1 } }, async ({ step, db, antpool, notifier, now }) => {
    const startedAt = await step.run('start', () => now().toISOString());
    const accounts = await step.run('accounts', () => listCollectableAccounts(db));
    const results: AccountResult[] = [];
    const statsFrom = new Map(accounts.map((a) => [a.orgId, a] as const));
    for (const a of statsFrom.values()) {
      results.push(await step.run(`pool-stats-${a.orgId}`, () => guarded(db, a, new Date(startedAt), () => collectPoolStats(antpool, db, a.id, new Date(startedAt)))));
    }
    for (const a of accounts) {
      results.push(await step.run(`account-${a.id}`, () => guarded(db, a, new Date(startedAt), () => collectTier1Account(antpool, db, a.id, a.isLeaf, new Date(startedAt)))));
    }
    return step.run('summary', () => finishRun({ db, antpool, notifier, now }, 1, startedAt, results));
  });
