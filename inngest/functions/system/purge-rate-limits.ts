import { deleteExpiredRateLimits } from '@/db/queries/auth/rate-limit';
import type { JobsClient } from '../../client';

/** Hourly: drops rate-limit windows that ended over a day ago. Re-running it deletes nothing more. */
export const purgeRateLimits = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'system-purge-rate-limits', triggers: [{ cron: '17 * * * *' }], concurrency: { limit: 1 } }, async ({ step, db, now }) => {
    const cutoff = await step.run('cutoff', () => new Date(now().getTime() - 24 * 3600 * 1000).toISOString());
    const deleted = await step.run('delete-expired', () => deleteExpiredRateLimits(db, new Date(cutoff)));
    return { deleted, cutoff };
  });
