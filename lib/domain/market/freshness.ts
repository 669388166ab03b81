/**
 * How old a market figure is, and what to call it. "Current" (or "live") only while the
 * observation is under 15 minutes old; older ones read "as of <date> · <source>". One rule for the
 * KPI, portal, calculator, analytics and landing pages (components/market/as-of.tsx renders it).
 */
export const CURRENT_MAX_AGE_MS = 15 * 60_000;

export type Freshness = { current: boolean; asOf: string; ageMs: number };

export function freshness(asOf: string | Date, now: Date): Freshness {
  const at = typeof asOf === 'string' ? asOf : asOf.toISOString();
  const ageMs = now.getTime() - Date.parse(at);
  // A clock a little behind the source's reads as 0 old, not as "from the future".
  return { current: ageMs < CURRENT_MAX_AGE_MS, asOf: at, ageMs: Math.max(0, ageMs) };
}
