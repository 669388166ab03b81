import type { RuleKind } from './rule-kinds';

/*
 * Profitability alert rules as a small state machine, pure so the job only does I/O.
 *  - hashprice_below: hashprice in USD per PH/s per day < threshold.
 *  - profit_below: the user's personalised profit in USD per day < threshold.
 *  - difficulty_change_above: |change| in % of the current difficulty against the previous
 *    difficulty epoch (the last stored difficulty that differs from the current one) > threshold.
 *    The breach therefore lasts the whole epoch and notifies once per retarget that exceeds it.
 * armed + breach → notify once, become breached; breached + recovered → armed again (silently).
 */
export type RuleState = 'armed' | 'breached';

export type RuleSnapshot = {
  kind: RuleKind;
  threshold: number;
  state: RuleState;
  /** The bucket (ISO) whose evaluation moved the rule to breached. */
  breachedBucket: string | null;
  lastEvaluatedBucket: string | null;
};

/** What a snapshot says, per kind; null where the figure is unknown (no settings, no earlier epoch). */
export type Observation = { hashpriceUsdPerPhDay: number | null; profitUsdPerDay: number | null; difficultyChangePct: number | null };

export type Decision =
  /** An older bucket than one already evaluated: nothing changes. */
  | { action: 'stale' }
  /** The figure is unknown: state kept. */
  | { action: 'no_data' }
  | { action: 'breach' | 'resend' | 'recover' | 'hold'; value: number; breached: boolean; nextState: RuleState };

export function observedValue(kind: RuleKind, obs: Observation): number | null {
  if (kind === 'hashprice_below') return obs.hashpriceUsdPerPhDay;
  if (kind === 'profit_below') return obs.profitUsdPerDay;
  return obs.difficultyChangePct;
}

export function isBreached(kind: RuleKind, value: number, threshold: number): boolean {
  return kind === 'difficulty_change_above' ? Math.abs(value) > threshold : value < threshold;
}

/**
 * `resend` is a re-run of the bucket that caused the breach: the job delivers again under the
 * same dedupe keys, so a notification lost to a crash goes out and a delivered one does not.
 */
export function evaluateRule(rule: RuleSnapshot, obs: Observation, bucket: string): Decision {
  if (rule.lastEvaluatedBucket && Date.parse(rule.lastEvaluatedBucket) > Date.parse(bucket)) return { action: 'stale' };
  const value = observedValue(rule.kind, obs);
  if (value === null || !Number.isFinite(value)) return { action: 'no_data' };
  const breached = isBreached(rule.kind, value, rule.threshold);
  if (rule.state === 'armed') return breached ? { action: 'breach', value, breached, nextState: 'breached' } : { action: 'hold', value, breached, nextState: 'armed' };
  if (!breached) return { action: 'recover', value, breached, nextState: 'armed' };
  const sameBucket = rule.breachedBucket !== null && Date.parse(rule.breachedBucket) === Date.parse(bucket);
  return { action: sameBucket ? 'resend' : 'hold', value, breached, nextState: 'breached' };
}

/** Signed % change of the current difficulty against the previous epoch's. */
export function difficultyChangePct(current: number, previousEpoch: number | null): number | null {
  if (previousEpoch === null || previousEpoch <= 0) return null;
  return ((current - previousEpoch) / previousEpoch) * 100;
}

export const notifies = (d: Decision) => d.action === 'breach' || d.action === 'resend';
