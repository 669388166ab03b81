/** What every formatter prints for a missing value (null, undefined, NaN, ±Infinity): never "0". */
export const MISSING = '—';

export type FormatLocale = 'en' | 'zh';

/**
 * The app's locales: 'zh' (and zh-CN, zh-Hans …) read as Chinese, anything else — an unknown or
 * malformed tag from a stray URL, or an e-mail recipient's 'fr' — as English, so Intl never throws.
 */
export function formatLocale(locale: string): FormatLocale {
  return /^zh(?:-|$)/i.test(locale) ? 'zh' : 'en';
}

/** A finite number, or null for a missing one; numeric strings (SQL numeric, bigint as text) count. */
export function toFinite(value: number | string | bigint | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

// Building an Intl formatter costs far more than using one, and a table formats thousands of cells.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const tag = formatLocale(locale);
  const key = `${tag}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(tag, options)));
  return f;
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const tag = formatLocale(locale);
  const key = `${tag}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(tag, options)));
  return f;
}
