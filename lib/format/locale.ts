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
function cachedFormat<O, F>(make: (tag: FormatLocale, options: O) => F): (locale: string, options: O) => F {
  const formats = new Map<string, F>();
  return (locale, options) => {
    const tag = formatLocale(locale);
    const key = `${tag}|${JSON.stringify(options)}`;
    let f = formats.get(key);
    if (!f) formats.set(key, (f = make(tag, options)));
    return f;
  };
}

export const numberFormat = cachedFormat((tag, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(tag, options));

export const dateTimeFormat = cachedFormat((tag, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(tag, options));
