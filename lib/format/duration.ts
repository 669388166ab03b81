import { MISSING, numberFormat, toFinite } from './locale';

const UNITS = [
  { unit: 'day', s: 86_400 },
  { unit: 'hour', s: 3_600 },
  { unit: 'minute', s: 60 },
  { unit: 'second', s: 1 },
] as const;

function part(value: number, unit: (typeof UNITS)[number]['unit'], locale: string, digits = 0): string {
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'narrow', maximumFractionDigits: digits }).format(value);
}

/**
 * A duration given in seconds as its two largest units, rounded to the smaller one: "3d 4h",
 * "1h 5m", "45m 18s", "12s", "0.4s" (zh "3天 4小时"). The unit labels are the locale's own (CLDR),
 * so a new locale needs no strings.
 */
export function formatDuration(seconds: number | string | null | undefined, locale: string): string {
  const v = toFinite(seconds);
  if (v === null) return MISSING;
  const sign = v < 0 ? '-' : '';
  const abs = Math.abs(v);
  for (let i = 0; i < UNITS.length - 1; i++) {
    const big = UNITS[i]!;
    const small = UNITS[i + 1]!;
    // Rounded first, so 3,599.7 s reads "1h", not "60m".
    const total = Math.round(abs / small.s);
    if (total * small.s < big.s) continue;
    const per = big.s / small.s;
    const rest = total % per;
    return sign + [part(Math.floor(total / per), big.unit, locale), ...(rest ? [part(rest, small.unit, locale)] : [])].join(' ');
  }
  return sign + part(abs, 'second', locale, abs < 10 ? 1 : 0);
}
