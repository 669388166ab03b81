import { formatScaled, type Unit } from './scale';

/** Hashrate units, ascending, as factors of the input unit TH/s. */
export const HASHRATE_UNITS: readonly Unit[] = [
  { symbol: 'H/s', factor: 1e-12 },
  { symbol: 'kH/s', factor: 1e-9 },
  { symbol: 'MH/s', factor: 1e-6 },
  { symbol: 'GH/s', factor: 1e-3 },
  { symbol: 'TH/s', factor: 1 },
  { symbol: 'PH/s', factor: 1e3 },
  { symbol: 'EH/s', factor: 1e6 },
];

const TH: Unit = HASHRATE_UNITS[4]!;

/** A hashrate given in TH/s, auto-scaled H/s → EH/s: 95.3 → "95.3 TH/s", 1,035,946 → "1.036 EH/s". */
export function formatHashrate(ths: number | string | null | undefined, locale: string): string {
  return formatScaled(ths, HASHRATE_UNITS, TH, locale);
}

/** Pool and network figures arrive in H/s; the conversion is here so call sites keep one unit. */
export function thsFromHs(hs: number | string | null | undefined): number | null {
  if (hs === null || hs === undefined || hs === '') return null;
  const n = Number(hs);
  return Number.isFinite(n) ? n / 1e12 : null;
}
