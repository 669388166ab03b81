/*
 * Wall-clock time in an IANA time zone, from Intl alone (Node 20 has no Temporal): a site's tariff
 * windows, days and months are in its own zone, storage is UTC. Every function takes an instant and
 * answers what a clock on the site's wall showed, or the reverse for a local midnight.
 */

export type ZoneParts = {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
};

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', weekday: 'short' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone (a tariff's site must have one it knows). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function zoneParts(instant: Date, timeZone: string): ZoneParts {
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) p[part.type] = part.value;
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: Number(p.hour), minute: Number(p.minute), weekday: WEEKDAYS[p.weekday!]! };
}

/** The zone's offset from UTC at that instant, in minutes (Chicago in winter: −360). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const z = zoneParts(instant, timeZone);
  const wall = Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute);
  return Math.round((wall - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** 'YYYY-MM-DD' of the instant on the site's calendar. */
export function localDate(instant: Date, timeZone: string): string {
  const z = zoneParts(instant, timeZone);
  return `${z.year}-${String(z.month).padStart(2, '0')}-${String(z.day).padStart(2, '0')}`;
}

/**
 * The instant the local calendar day `date` ('YYYY-MM-DD') began: its 00:00, or, where a DST change
 * skips midnight, the first instant that exists on that day. Two guesses of the offset are enough:
 * the offset at most changes once near a midnight.
 */
export function zonedMidnight(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  let t = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  t = wall - offsetMinutes(new Date(t), timeZone) * 60_000;
  // A skipped midnight lands the guess on the previous day's last hour: step to the day's first instant.
  if (localDate(new Date(t), timeZone) !== date) t += 3_600_000;
  return new Date(t);
}

export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** [from, to) of a local calendar day: 23, 24 or 25 hours long. */
export function localDayRange(date: string, timeZone: string): { from: Date; to: Date } {
  return { from: zonedMidnight(date, timeZone), to: zonedMidnight(addDays(date, 1), timeZone) };
}

/** [from, to) of a local calendar month 'YYYY-MM'. */
export function localMonthRange(month: string, timeZone: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: zonedMidnight(`${month}-01`, timeZone), to: zonedMidnight(`${next}-01`, timeZone) };
}

/** 'YYYY-MM' of the instant on the site's calendar. */
export function localMonth(instant: Date, timeZone: string): string {
  return localDate(instant, timeZone).slice(0, 7);
}

/**
 * The instant a site's clock shows `time` ('HH:MM') on `date` ('YYYY-MM-DD'). A time the clock skips
 * (spring forward) is taken as the same minutes past the change (02:30 → 03:30); a time it shows twice
 * (fall back) as its first occurrence, so a window entered for 01:00–02:00 starts at the earlier 01:00.
 */
export function zonedTime(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // The offsets a day either side (a zone changes at most once in between); the earlier instant first.
  const candidates = [offsetMinutes(new Date(wall - 86_400_000), timeZone), offsetMinutes(new Date(wall + 86_400_000), timeZone)]
    .map((off) => wall - off * 60_000)
    .sort((a, b) => a - b);
  for (const t of candidates) {
    const z = zoneParts(new Date(t), timeZone);
    if (Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute) === wall) return new Date(t);
  }
  // Skipped: the wall time minus the offset before the change lands that many minutes after it.
  return new Date(wall - offsetMinutes(new Date(wall - 86_400_000), timeZone) * 60_000);
}
