import { listCollectableAccounts } from '@/db/queries/pool/accounts';
import { applyRetention } from '@/db/queries/pool/collect';
import { insertRun } from '@/db/queries/pool/runs';
import type { JobsClient } from '../../client';

/**
 * Tier 4, daily 03:00 UTC, no requests: 10-minute data after 3 days, hourly worker rows after 7,
 * resolved alerts after 14, API logs after 30. Daily summaries, payments and balances stay.
 */
export const poolTier4 = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'pool-tier4-retention', triggers: [{ cron: '0 3 * * *' }], concurrency: { limit: 1 } }, async ({ step, db, now }) => {
    const startedAt = await step.run('start', () => now().toISOString());
    const deleted = await step.run('delete-expired', () => applyRetention(db, new Date(startedAt)));
    await step.run('summary', async () => {
      const orgs = [...new Set((await listCollectableAccounts(db)).map((a) => a.orgId))];
      for (const orgId of orgs) {
        await insertRun(db, { orgId, tier: 4, startedAt: new Date(startedAt), finishedAt: now(), calls: 0, accountsOk: 0, accountsFailed: 0, summary: { deleted } });
      }
    });
    return { deleted };
  });
