import { divRound } from '../billing/money';
import type { MonthCostBasis } from './cost-basis';
import { SATS_PER_BTC } from './ledger';

/*
 * Cash coverage. Monthly opex = the mean total cost of the last (up to) three complete months that
 * have cost figures; runway = cash ÷ monthly opex; BTC to sell to cover the next N months =
 * ⌈(N × monthly opex − cash) × 10⁸ ÷ price⌉ sats (none when the cash covers it). Without cost
 * figures there is no runway (null), never an endless one.
 */

export const OPEX_MONTHS = 3;

export function monthlyOpexCents(months: readonly MonthCostBasis[], now: Date): { cents: number; months: string[] } | null {
  const current = now.toISOString().slice(0, 7);
  const done = months.filter((m) => m.month < current && m.totalCents !== null).sort((a, b) => (a.month < b.month ? 1 : -1)).slice(0, OPEX_MONTHS);
  if (!done.length) return null;
  return { cents: divRound(BigInt(done.reduce((s, m) => s + m.totalCents!, 0)), BigInt(done.length)), months: done.map((m) => m.month).reverse() };
}

/** Months the cash lasts at the monthly opex, to a hundredth; null without costs. */
export function runwayMonths(cashCents: number, opexCents: number | null): number | null {
  if (opexCents === null || opexCents <= 0) return null;
  return Math.max(0, divRound(BigInt(cashCents) * 100n, BigInt(opexCents))) / 100;
}

export type CoverNeed = { months: number; needCents: number; shortfallCents: number; satsToSell: number | null };

/** What covering the next `months` takes: the cash short of it and the sats that raise it at the price (rounded up). */
export function coverNeed(o: { months: number; cashCents: number; opexCents: number | null; priceCentsPerBtc: number | null }): CoverNeed | null {
  if (o.opexCents === null) return null;
  const needCents = o.months * o.opexCents;
  const shortfallCents = Math.max(0, needCents - o.cashCents);
  if (shortfallCents === 0) return { months: o.months, needCents, shortfallCents, satsToSell: 0 };
  if (!o.priceCentsPerBtc || o.priceCentsPerBtc <= 0) return { months: o.months, needCents, shortfallCents, satsToSell: null };
  const num = BigInt(shortfallCents) * BigInt(SATS_PER_BTC);
  const den = BigInt(o.priceCentsPerBtc);
  return { months: o.months, needCents, shortfallCents, satsToSell: Number((num + den - 1n) / den) };
}

/** The alert fires under the threshold (months); no runway figure, no alert. */
export function runwayBelow(runway: number | null, thresholdMonths: number): boolean {
  return runway !== null && thresholdMonths > 0 && runway < thresholdMonths;
}
