import { addDays, localDate, zoneParts } from './zone';

/*
 * When a site's daily and monthly power rows are rebuilt: at 00:30 and on the 1st at 01:00 of the
 * site's own clock. The jobs look every 15 minutes (a cron is UTC, and zones differ by quarters of
 * an hour), and a site is due in the quarter-hour that starts at its local time.
 */

const QUARTER = 15;

/** The local day to rebuild when a site's clock reads 00:30–00:44 (yesterday's), else null. */
export function dailyDue(now: Date, timeZone: string): string | null {
  const z = zoneParts(now, timeZone);
  return z.hour === 0 && z.minute >= 30 && z.minute < 30 + QUARTER ? addDays(localDate(now, timeZone), -1) : null;
}

/** The local month to rebuild when a site's clock reads 01:00–01:14 on the 1st (last month's 'YYYY-MM'), else null. */
export function monthlyDue(now: Date, timeZone: string): string | null {
  const z = zoneParts(now, timeZone);
  if (!(z.day === 1 && z.hour === 1 && z.minute < QUARTER)) return null;
  return z.month === 1 ? `${z.year - 1}-12` : `${z.year}-${String(z.month - 1).padStart(2, '0')}`;
}
