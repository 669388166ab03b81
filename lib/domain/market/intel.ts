/*
 * Derivatives market intelligence from public exchange data (issue 17 part 7): funding of the BTC
 * perpetuals, open interest, and Deribit's options implied volatility by expiry. Pure: the clients
 * in lib/integrations/{deribit,okx,binance} parse the replies into these shapes.
 */

export const INTEL_SOURCES = ['binance', 'okx', 'deribit'] as const;
export type IntelSource = (typeof INTEL_SOURCES)[number];

/** One funding observation: the rate per funding period, as a fraction (0.0001 = 0.01 %). */
export type Funding = { instrument: string; rate: number; intervalHours: number; nextFundingAt: string | null; observedAt: string };
/** Open interest of one perpetual: in BTC where the venue gives it, in USD where it gives that. */
export type OpenInterest = { instrument: string; btc: number | null; usd: number | null; observedAt: string };

/**
 * A funding rate per period as a simple annual percentage: rate × (24 / hours) × 365 × 100. Simple,
 * not compounded, as the exchanges themselves quote it; 0.01 % every 8 h is 10.95 % a year.
 */
export function annualisedFundingPct(rate: number, intervalHours: number): number {
  return rate * (24 / intervalHours) * 365 * 100;
}

/** One option's summary as Deribit's get_book_summary_by_currency gives it (the fields used). */
export type OptionSummary = { instrumentName: string; markIvPct: number | null; underlyingPrice: number | null };

export type IvPoint = { expiry: string; days: number; strike: number; atmIvPct: number; underlyingUsd: number };

const MONTHS: Record<string, number> = { JAN: 0, FEB: 1, MAR: 2, APR: 3, MAY: 4, JUN: 5, JUL: 6, AUG: 7, SEP: 8, OCT: 9, NOV: 10, DEC: 11 };

/** "BTC-27DEC26-100000-C" → expiry 2026-12-27T08:00Z (Deribit options expire at 08:00 UTC), strike, type; null for other names. */
export function parseOptionName(name: string): { expiry: Date; strike: number; type: 'C' | 'P' } | null {
  const m = /^[A-Z]+-(\d{1,2})([A-Z]{3})(\d{2})-(\d+(?:d\d+)?)-([CP])$/.exec(name);
  if (!m || MONTHS[m[2]!] === undefined) return null;
  const expiry = new Date(Date.UTC(2000 + Number(m[3]), MONTHS[m[2]!]!, Number(m[1]), 8));
  return { expiry, strike: Number(m[4]!.replace('d', '.')), type: m[5] as 'C' | 'P' };
}

/**
 * The at-the-money implied volatility of each expiry: the strike nearest that expiry's underlying
 * (forward) price, the mean of its call's and put's mark IV where both are quoted, else the one
 * quoted. Expired series and options without a mark IV or underlying are skipped; sorted by days.
 */
export function ivTermStructure(options: OptionSummary[], now: Date): IvPoint[] {
  const byExpiry = new Map<string, { expiry: Date; rows: { strike: number; iv: number; underlying: number }[] }>();
  for (const o of options) {
    const p = parseOptionName(o.instrumentName);
    if (!p || o.markIvPct === null || !(o.markIvPct > 0) || o.underlyingPrice === null || !(o.underlyingPrice > 0)) continue;
    if (p.expiry.getTime() <= now.getTime()) continue;
    const key = p.expiry.toISOString();
    const group = byExpiry.get(key) ?? { expiry: p.expiry, rows: [] };
    group.rows.push({ strike: p.strike, iv: o.markIvPct, underlying: o.underlyingPrice });
    byExpiry.set(key, group);
  }
  const points: IvPoint[] = [];
  for (const [key, g] of byExpiry) {
    // Calls and puts of one expiry share the forward; the mean guards against one odd row.
    const underlying = g.rows.reduce((s, r) => s + r.underlying, 0) / g.rows.length;
    const atm = g.rows.reduce((best, r) => (Math.abs(r.strike - underlying) < Math.abs(best.strike - underlying) ? r : best)).strike;
    const at = g.rows.filter((r) => r.strike === atm);
    points.push({ expiry: key, days: (g.expiry.getTime() - now.getTime()) / 86_400_000, strike: atm, atmIvPct: at.reduce((s, r) => s + r.iv, 0) / at.length, underlyingUsd: underlying });
  }
  return points.sort((a, b) => a.days - b.days);
}
