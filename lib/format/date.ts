import { dateTimeFormat, MISSING } from './locale';

type Instant = Date | string | number;

function toDate(at: Instant | null | undefined): Date | null {
  if (at === null || at === undefined || at === '') return null;
  const d = at instanceof Date ? at : new Date(at);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Dates take the IANA time zone they are read in: the site's for its tariffs, bills and readings,
 * UTC (the app's zone, and the pool's and the network's day) otherwise.
 */
export function formatDate(at: Instant | null | undefined, locale: string, timeZone = 'UTC'): string {
  const d = toDate(at);
  return d ? dateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(d) : MISSING;
}

/** Date and time; `zone` appends the zone's short name ("UTC", "GMT+8") where the reader could guess wrong. */
export function formatDateTime(at: Instant | null | undefined, locale: string, timeZone = 'UTC', { seconds = false, zone = false }: { seconds?: boolean; zone?: boolean } = {}): string {
  const d = toDate(at);
  if (!d) return MISSING;
  const text = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short', timeZone }).format(d);
  if (!zone) return text;
  const name = dateTimeFormat(locale, { timeZoneName: 'short', timeZone }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value;
  return name ? `${text} ${name}` : text;
}

/**
 * A chart axis label: the month of a year ("Nov 2012", for spans of years), the day ("Jun 1"), the
 * time of day ("02:05 PM", zh "14:05"), or day and hour at hour grain.
 */
export function formatChartTime(at: Instant | null | undefined, locale: string, grain: 'month' | 'day' | 'minute' | 'hour', timeZone = 'UTC'): string {
  const d = toDate(at);
  if (!d) return MISSING;
  const options: Intl.DateTimeFormatOptions =
    grain === 'month'
      ? { year: 'numeric', month: 'short' }
      : grain === 'day'
        ? { month: 'short', day: 'numeric' }
        : grain === 'minute'
          ? { hour: '2-digit', minute: '2-digit' }
          : { month: 'short', day: 'numeric', hour: '2-digit' };
  return dateTimeFormat(locale, { ...options, timeZone }).format(d);
}
