import { describe, expect, it } from 'vitest';
import { formatHashrate, thsFromHs } from './hashrate';

describe('formatHashrate (input TH/s)', () => {
  it.each([
    ['en', 95.321, '95.32 TH/s'],
    ['en', 200, '200 TH/s'],
    ['en', 0.0005, '500 MH/s'],
    ['en', 999.94, '999.9 TH/s'],
    // Rounds up into the next unit instead of reading "1,000 TH/s".
    ['en', 999.96, '1 PH/s'],
    ['en', 1035.95, '1.036 PH/s'],
    // The demo farm: one figure on every page, not "1,035,946 TH/s" here and "1,035.95 PH/s" there.
    ['en', 1_035_946, '1.036 EH/s'],
    // Past the top unit the integer part is kept whole.
    ['en', 5_000_000_000, '5,000 EH/s'],
    ['en', 0, '0 TH/s'],
    ['en', '412.5', '412.5 TH/s'],
    ['zh', 1_035_946, '1.036 EH/s'],
    ['zh', 95.321, '95.32 TH/s'],
    ['zh', 12_345_678_900, '12,346 EH/s'],
    ['en', null, '—'],
    ['zh', undefined, '—'],
    ['en', Number.NaN, '—'],
  ] as const)('%s %s → %s', (locale, ths, expected) => expect(formatHashrate(ths, locale)).toBe(expected));

  it('converts pool and network H/s, keeping a missing value missing', () => {
    expect(thsFromHs('95300000000000')).toBe(95.3);
    expect(thsFromHs(null)).toBeNull();
    expect(thsFromHs('x')).toBeNull();
  });
});
