/** A locale Intl accepts: a request for a path that is no locale (e.g. a stray asset URL) must not crash rendering. */
export function intlLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf(locale).length ? locale : 'en';
  } catch {
    return 'en';
  }
}

/** Display formatting for market figures; values stay unrounded until here. */
export const fmt = {
  usd: (locale: string, v: number, digits = 0) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v),
  /** H/s → EH/s */
  eh: (locale: string, hs: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(hs / 1e18),
  /** difficulty → T (10¹²) */
  t: (locale: string, d: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(d / 1e12),
  pct: (locale: string, v: number, digits = 2) => `${v > 0 ? '+' : ''}${new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v)}%`,
  num: (locale: string, v: number, digits = 0) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v),
  date: (locale: string, iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)) + ' UTC',
  day: (locale: string, iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso)),
};
