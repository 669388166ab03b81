import { describe, expect, it } from 'vitest';
import { normalizeReferralCode, referralCodeFrom } from './referral-code';

describe('referral codes', () => {
  it('are 8 characters without look-alikes', () => {
    const code = referralCodeFrom(new Uint8Array([0, 1, 30, 31, 62, 255, 100, 7]));
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect(code).toBe('AB9AAHHH');
  });
  it.each([
    [' ab12-cd34 ', 'AB12CD34'],
    ['abc', null],
    ['AB12 CD34', 'AB12CD34'],
    ['AB12;CD34', null],
  ])('normalizes %j → %j', (raw, expected) => expect(normalizeReferralCode(raw)).toBe(expected));
});
