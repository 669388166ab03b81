import type { ReportUnit, ReportValue } from '@/lib/domain/reports/model';
import { formatEnergy, formatHashrate, formatNumber, formatPercent, formatPower, formatSats, formatUsdFromCents } from '@/lib/format';

/** A report value as text in the report's language, by its column's unit; missing reads `missing`. */
export function formatReportValue(unit: ReportUnit, v: ReportValue, locale: string, missing: string): string {
  if (v === null || v === undefined) return missing;
  if (typeof v === 'string') return v;
  switch (unit) {
    case 'cents':
      return formatUsdFromCents(v, locale);
    case 'wh':
      return formatEnergy(v, locale);
    case 'w':
      return formatPower(v, locale);
    case 'ths':
      return formatHashrate(v, locale);
    case 'sats':
      return formatSats(v, locale);
    case 'pct':
      return formatPercent(v, locale);
    case 'count':
      return formatNumber(v, locale);
    default:
      return String(v);
  }
}

/** The colours used where a report has no brand of its own: the app's BTC orange on a dark header. */
export const DEFAULT_BRAND_COLOURS = { primary: '#f7931a', accent: '#1a1d2e' } as const;

/** A brand colour as six hex digits (no '#'), falling back where it is not one. */
export function hex6(colour: string, fallback: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(colour.trim());
  return (m ? m[1]! : fallback.replace('#', '')).toUpperCase();
}

/** A logo the writers can embed without fetching: a data: URL of a PNG or JPEG, else null (the brand name is shown). */
export function embeddableLogo(logo: string | null): { data: string; mime: 'image/png' | 'image/jpeg' } | null {
  const m = logo ? /^data:(image\/(?:png|jpeg));base64,/i.exec(logo) : null;
  return m ? { data: logo!, mime: m[1]!.toLowerCase() as 'image/png' | 'image/jpeg' } : null;
}
