import { describe, expect, it } from 'vitest';
import { type Decision, difficultyChangePct, evaluateRule, notifies, type Observation, type RuleSnapshot } from './evaluate';

const B1 = '2026-06-01T12:00:00.000Z';
const B2 = '2026-06-01T12:05:00.000Z';
const obs = (o: Partial<Observation>): Observation => ({ hashpriceUsdPerPhDay: null, profitUsdPerDay: null, difficultyChangePct: null, ...o });
const rule = (r: Partial<RuleSnapshot>): RuleSnapshot => ({ kind: 'hashprice_below', threshold: 40, state: 'armed', breachedBucket: null, lastEvaluatedBucket: null, ...r });

const cases: { name: string; rule: RuleSnapshot; obs: Observation; bucket: string; want: Partial<Decision> & { action: Decision['action'] } }[] = [
  { name: 'armed, hashprice under the threshold → breach', rule: rule({}), obs: obs({ hashpriceUsdPerPhDay: 38.2 }), bucket: B1, want: { action: 'breach', value: 38.2, nextState: 'breached' } },
  { name: 'armed, hashprice at the threshold → hold (strictly below)', rule: rule({}), obs: obs({ hashpriceUsdPerPhDay: 40 }), bucket: B1, want: { action: 'hold', nextState: 'armed' } },
  { name: 'breached, still below, later bucket → hold (no second notification)', rule: rule({ state: 'breached', breachedBucket: B1, lastEvaluatedBucket: B1 }), obs: obs({ hashpriceUsdPerPhDay: 35 }), bucket: B2, want: { action: 'hold', nextState: 'breached' } },
  { name: 'breached, same bucket re-run → resend under the same dedupe key', rule: rule({ state: 'breached', breachedBucket: B1, lastEvaluatedBucket: B1 }), obs: obs({ hashpriceUsdPerPhDay: 38.2 }), bucket: B1, want: { action: 'resend' } },
  { name: 'breached, recovered → re-armed', rule: rule({ state: 'breached', breachedBucket: B1, lastEvaluatedBucket: B1 }), obs: obs({ hashpriceUsdPerPhDay: 41 }), bucket: B2, want: { action: 'recover', nextState: 'armed' } },
  { name: 'older bucket than the last evaluated → stale', rule: rule({ lastEvaluatedBucket: B2 }), obs: obs({ hashpriceUsdPerPhDay: 1 }), bucket: B1, want: { action: 'stale' } },
  { name: 'profit rule without personal settings → no data', rule: rule({ kind: 'profit_below', threshold: 0 }), obs: obs({ hashpriceUsdPerPhDay: 30 }), bucket: B1, want: { action: 'no_data' } },
  { name: 'profit below zero threshold → breach', rule: rule({ kind: 'profit_below', threshold: 0 }), obs: obs({ profitUsdPerDay: -12.5 }), bucket: B1, want: { action: 'breach', value: -12.5 } },
  { name: 'difficulty +6.2% over a 5% threshold → breach', rule: rule({ kind: 'difficulty_change_above', threshold: 5 }), obs: obs({ difficultyChangePct: 6.2 }), bucket: B1, want: { action: 'breach', value: 6.2 } },
  { name: 'difficulty −7% counts too (absolute change)', rule: rule({ kind: 'difficulty_change_above', threshold: 5 }), obs: obs({ difficultyChangePct: -7 }), bucket: B1, want: { action: 'breach' } },
  { name: 'difficulty +3% under a 5% threshold → hold', rule: rule({ kind: 'difficulty_change_above', threshold: 5 }), obs: obs({ difficultyChangePct: 3 }), bucket: B1, want: { action: 'hold' } },
  { name: 'no previous epoch yet → no data', rule: rule({ kind: 'difficulty_change_above', threshold: 5 }), obs: obs({}), bucket: B1, want: { action: 'no_data' } },
];

describe('evaluateRule', () => {
  it.each(cases)('$name', ({ rule, obs, bucket, want }) => {
    expect(evaluateRule(rule, obs, bucket)).toMatchObject(want);
  });
  it('notifies only on breach and on a re-run of the breaching bucket', () => {
    expect(cases.filter((c) => notifies(evaluateRule(c.rule, c.obs, c.bucket))).map((c) => c.want.action)).toEqual(['breach', 'resend', 'breach', 'breach', 'breach']);
  });
});

describe('difficultyChangePct', () => {
  it.each([
    [110, 100, 10],
    [95, 100, -5],
    [100, null, null],
    [100, 0, null],
  ])('%s vs %s → %s', (cur, prev, want) => {
    const got = difficultyChangePct(cur, prev);
    if (want === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(want, 10);
  });
});
