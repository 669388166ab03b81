import { aggregatePowerDays, aggregatePowerHours, powerSites } from '@/db/queries/power/aggregate';
import { dailyDue } from '@/lib/domain/power/schedule';
import { localDayRange } from '@/lib/domain/power/zone';
import type { JobsClient } from '../../client';

/**
 * At 00:30 on each site's clock (looked at every 15 minutes): the hours of the site's yesterday
 * again from the five-minute history (the telemetry daily job has folded in late replays by then),
 * then yesterday's daily rows. Idempotent; one run at a time, and per site behind its lock.
 */
export const powerDaily = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'power-daily', triggers: [{ cron: '*/15 * * * *' }], concurrency: { limit: 1 } }, async ({ step, db, now: clock }) => {
    const now = new Date(await step.run('now', () => clock().toISOString()));
    const sites = await step.run('sites', () => powerSites(db));
    const done: string[] = [];
    for (const s of sites) {
      const day = dailyDue(now, s.timeZone);
      if (!day) continue;
      await step.run(`day-${s.id}`, async () => {
        const { from, to } = localDayRange(day, s.timeZone);
        await aggregatePowerHours(db, s.id, from, to);
        return aggregatePowerDays(db, s.id, day, day);
      });
      done.push(`${s.id}:${day}`);
    }
    return { done };
  });
