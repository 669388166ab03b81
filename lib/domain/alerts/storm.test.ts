import { describe, expect, it } from 'vitest';
import { groupStorms, STORM_MIN, stormKey } from './storm';

const ev = (i: number, siteId = 's1', ruleId = 'r1') => ({ alertId: `a${String(i).padStart(4, '0')}`, ruleId, siteId, minerId: `m${i}`, value: null });

describe('groupStorms', () => {
  it('keeps fewer than STORM_MIN alerts of a site and rule one by one', () => {
    const groups = groupStorms(Array.from({ length: STORM_MIN - 1 }, (_, i) => ev(i)));
    expect(groups.map((g) => g.kind)).toEqual(Array(STORM_MIN - 1).fill('single'));
  });
  it('groups 200 miners of one site and rule into one storm with a sample of 10', () => {
    const groups = groupStorms([...Array.from({ length: 200 }, (_, i) => ev(i)), ev(900, 's2'), ev(901, 's1', 'r2')]);
    expect(groups).toHaveLength(3);
    const storm = groups.find((g) => g.kind === 'storm');
    expect(storm).toMatchObject({ kind: 'storm', siteId: 's1', ruleId: 'r1', count: 200 });
    expect(storm?.kind === 'storm' && storm.sample.map((e) => e.minerId)).toEqual(Array.from({ length: 10 }, (_, i) => `m${i}`));
    expect(groups.filter((g) => g.kind === 'single')).toHaveLength(2);
  });
  it('gives the same key for the same alerts in any order, another for another set', () => {
    const a = Array.from({ length: 6 }, (_, i) => ev(i));
    expect(stormKey('k', a)).toBe(stormKey('k', [...a].reverse()));
    expect(stormKey('k', a)).not.toBe(stormKey('k', a.slice(1)));
  });
});
