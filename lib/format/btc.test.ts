import { describe, expect, it } from 'vitest';
import { formatBtc, formatBtcFromSats, formatSats } from './btc';

describe('formatBtc (input BTC)', () => {
  it.each([
    ['en', 0.00012345, '0.00012345 BTC'],
    ['en', 3.125, '3.12500000 BTC'],
    ['zh', 1234.5, '1,234.50000000 BTC'],
    ['en', null, '—'],
    ['zh', Number.NaN, '—'],
  ] as const)('%s %s → %s', (locale, btc, expected) => expect(formatBtc(btc, locale)).toBe(expected));

  it('drops the unit under a BTC header', () => expect(formatBtc(0.5, 'en', { unit: false })).toBe('0.50000000'));
});

describe('formatBtcFromSats (input sats)', () => {
  it.each([
    ['en', 12_345, '0.00012345 BTC'],
    ['en', -150_000_000, '-1.50000000 BTC'],
    // Every satoshi of all 21 M BTC, and a fraction of a satoshi (an average) rounded to one.
    ['en', '2099999999999999', '20,999,999.99999999 BTC'],
    ['en', 12.6, '0.00000013 BTC'],
    ['zh', 2_099_999_999_999_999n, '20,999,999.99999999 BTC'],
    ['zh', '0', '0.00000000 BTC'],
    ['en', null, '—'],
    ['zh', 'not a number', '—'],
  ] as const)('%s %s → %s', (locale, sats, expected) => expect(formatBtcFromSats(sats, locale)).toBe(expected));

  it('drops the unit under a BTC header', () => expect(formatBtcFromSats('98765432', 'zh', { unit: false })).toBe('0.98765432'));
});

describe('formatSats', () => {
  it.each([
    ['en', 1_234_567n, '1,234,567 sats'],
    ['zh', '42', '42 sats'],
    ['en', undefined, '—'],
  ] as const)('%s %s → %s', (locale, sats, expected) => expect(formatSats(sats, locale)).toBe(expected));
});
