import { formatUsd, formatUsdFromCents } from '@/lib/format';

/** A plan's or contract's rate in its own unit: milli-cents per kWh (5 decimals of a dollar), else cents. */
export function formatPlanRate(pricing: string, rate: number, locale: string): string {
  return pricing === 'per_kwh' ? formatUsd(rate / 100_000, locale, rate % 10 === 0 ? 4 : 5) : formatUsdFromCents(rate, locale);
}
