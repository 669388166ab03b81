import { describe, expect, it } from 'vitest';
import { accessDenial } from './access';

const now = new Date('2026-06-01T12:00:00Z');
const base = { disabledAt: null, isDemo: false, demoMode: false, hasMembership: true, periods: [], now };
const d = (s: string) => new Date(s);

describe('accessDenial', () => {
  it('lets an open-ended member in', () => expect(accessDenial(base)).toBeNull());
  it('refuses without a membership', () => expect(accessDenial({ ...base, hasMembership: false })).toBe('no_membership'));
  it('refuses a disabled user', () => expect(accessDenial({ ...base, disabledAt: d('2026-05-01T00:00:00Z') })).toBe('disabled'));
  it('ignores a disablement scheduled later', () => expect(accessDenial({ ...base, disabledAt: d('2026-07-01T00:00:00Z') })).toBeNull());
  it('refuses demo users outside demo mode', () => {
    expect(accessDenial({ ...base, isDemo: true })).toBe('demo_disabled');
    expect(accessDenial({ ...base, isDemo: true, demoMode: true })).toBeNull();
  });
  it.each([
    [[{ validFrom: d('2026-01-01T00:00:00Z'), validUntil: d('2026-12-31T00:00:00Z') }], null],
    [[{ validFrom: d('2026-01-01T00:00:00Z'), validUntil: d('2026-06-01T12:00:00Z') }], 'outside_access_period'],
    [[{ validFrom: d('2026-06-01T12:00:00Z'), validUntil: null }], null],
    [[{ validFrom: d('2026-07-01T00:00:00Z'), validUntil: null }], 'outside_access_period'],
    [
      [
        { validFrom: d('2025-01-01T00:00:00Z'), validUntil: d('2025-02-01T00:00:00Z') },
        { validFrom: d('2026-05-01T00:00:00Z'), validUntil: null },
      ],
      null,
    ],
  ])('periods %j → %s', (periods, expected) => {
    expect(accessDenial({ ...base, periods })).toBe(expected);
  });
});
