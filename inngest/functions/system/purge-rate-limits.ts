import { deleteExpiredRateLimits } from '@/db/queries/rate-limit';
import { inngest } from '../../client';
import { jobDb } from '../../context';

/** Hourly: drops rate-limit windows that ended over a day ago. Re-running it deletes nothing more. */
export const purgeRateLimits = inngest.createFunction(
  { id: 'system-purge-rate-limits', triggers: [{ cron: '17 * * * *' }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const cutoff = await step.run('cutoff', () => new Date(Date.now() - 24 * 3600 * 1000).toISOString());
    const deleted = await step.run('delete-expired', async () => deleteExpiredRateLimits(await jobDb(), new Date(cutoff)));
    return { deleted, cutoff };
  },
);
