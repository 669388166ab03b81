import type { Db } from '../../client';
import { aggregatePowerDays, aggregatePowerHours, aggregatePowerMonths, powerSites } from './aggregate';
import { addDays, localDayRange } from '@/lib/domain/power/zone';

export type BackfillProgress = (line: string) => void;

/**
 * Rebuilds every site's (or one site's) power rows for the local days fromDay..toDay: hours a day at
 * a time (each a short transaction, so the jobs are never held off for long), then the days, then
 * the months they touch. Idempotent like the jobs it repeats.
 */
export async function backfillPower(db: Db, o: { fromDay: string; toDay: string; siteId?: string; progress?: BackfillProgress }): Promise<{ sites: number; hours: number }> {
  const sites = (await powerSites(db)).filter((s) => !o.siteId || s.id === o.siteId);
  let hours = 0;
  for (const s of sites) {
    for (let day = o.fromDay; day <= o.toDay; day = addDays(day, 1)) {
      const { from, to } = localDayRange(day, s.timeZone);
      hours += await aggregatePowerHours(db, s.id, from, to);
    }
    await aggregatePowerDays(db, s.id, o.fromDay, o.toDay);
    await aggregatePowerMonths(db, s.id, o.fromDay.slice(0, 7), o.toDay.slice(0, 7));
    o.progress?.(`site ${s.id} (${s.timeZone}): ${o.fromDay} – ${o.toDay} done, ${hours} hours so far`);
  }
  return { sites: sites.length, hours };
}
