import { aggregatePowerDays, aggregatePowerMonths, powerSites } from '@/db/queries/power/aggregate';
import { monthlyDue } from '@/lib/domain/power/schedule';
import { addDays } from '@/lib/domain/power/zone';
import type { JobsClient } from '../../client';

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
};

/**
 * On the 1st at 01:00 on each site's clock (looked at every 15 minutes): last month's days again from
 * the hourly rows (an hour re-aggregated late in the month reaches its day), then the month's rows.
 */
export const powerMonthly = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'power-monthly', triggers: [{ cron: '*/15 * * * *' }], concurrency: { limit: 1 } }, async ({ step, db, now: clock }) => {
    const now = new Date(await step.run('now', () => clock().toISOString()));
    const sites = await step.run('sites', () => powerSites(db));
    const done: string[] = [];
    for (const s of sites) {
      const month = monthlyDue(now, s.timeZone);
      if (!month) continue;
      await step.run(`month-${s.id}`, async () => {
        await aggregatePowerDays(db, s.id, `${month}-01`, lastDayOf(month));
        return aggregatePowerMonths(db, s.id, month, month);
      });
      done.push(`${s.id}:${month}`);
    }
    return { done };
  });
