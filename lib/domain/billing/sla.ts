import { divRound } from './money';

/*
 * An SLA credit from measured uptime (telemetry_daily, one row per miner and UTC day):
 *
 *   measured uptime  = Σ uptime hours of the covered miners' units / (24 h × Σ unit-days expected)
 *   shortfall        = max(0, target − measured), in basis points (95 % = 9,500)
 *   credit           = hosting charges × min(cap, shortfall / 100 × credit per point) / 10,000
 *
 * A unit without a row on a day that other covered miners reported counts as 0 h (a miner that stops
 * reporting is not hashing, as the KPI page counts it). A day on which none of the covered miners
 * reported is not measured (a collector or ingest gap proves nothing either way) and is left out;
 * with no measured day there is no credit. Whole days only: the month's days in UTC.
 */

export type SlaDay = { day: string; units: number; reportedUnits: number; uptimeHours: number };
export type SlaTerms = { targetBps: number; creditBpsPerPoint: number; capBps: number };
export type SlaResult = {
  measuredDays: number;
  unmeasuredDays: string[];
  expectedHours: number;
  uptimeHours: number;
  measuredBps: number | null;
  shortfallBps: number;
  creditBps: number;
  baseCents: number;
  creditCents: number;
};

export function slaCredit(terms: SlaTerms, days: readonly SlaDay[], baseCents: number): SlaResult {
  const measured = days.filter((d) => d.reportedUnits > 0 && d.units > 0);
  const unmeasuredDays = days.filter((d) => !measured.includes(d)).map((d) => d.day);
  const expectedHours = measured.reduce((s, d) => s + 24 * d.units, 0);
  const uptimeHours = measured.reduce((s, d) => s + Math.min(d.uptimeHours, 24 * d.units), 0);
  // Uptime hours are reals from the rollup: to the basis point, rounded once.
  const measuredBps = expectedHours > 0 ? Math.round((uptimeHours / expectedHours) * 10_000) : null;
  const shortfallBps = measuredBps === null || terms.targetBps === 0 ? 0 : Math.max(0, terms.targetBps - measuredBps);
  const creditBps = Math.min(terms.capBps, divRound(BigInt(shortfallBps) * BigInt(terms.creditBpsPerPoint), 100n));
  const creditCents = Math.max(0, divRound(BigInt(Math.max(0, baseCents)) * BigInt(creditBps), 10_000n));
  return { measuredDays: measured.length, unmeasuredDays, expectedHours, uptimeHours, measuredBps, shortfallBps, creditBps, baseCents, creditCents };
}
