import { describe, expect, it } from 'vitest';
import { formatMoney, formatUsd, formatUsdFromCents } from './money';

describe('formatUsd (input dollars)', () => {
  it.each([
    ['en', 1234.5, 2, '$1,234.50'],
    ['en', -12.5, 2, '-$12.50'],
    // A loss that rounds to nothing is not "-$0.00".
    ['en', -0.001, 2, '$0.00'],
    ['en', 97_123.4, 0, '$97,123'],
    ['en', 0.04512, 4, '$0.0451'],
    // "$" in Chinese too (Intl's zh default is "US$"), as the alert e-mails always wrote it.
    ['zh', 41.5, 2, '$41.50'],
    ['zh', -12.5, 2, '-$12.50'],
    ['zh', 97_123.4, 0, '$97,123'],
    ['en', null, 2, '—'],
    ['zh', Number.NaN, 0, '—'],
  ] as const)('%s %s (%i decimals) → %s', (locale, usd, digits, expected) => expect(formatUsd(usd, locale, digits)).toBe(expected));

  it('defaults to cents', () => expect(formatUsd(3.6, 'en')).toBe('$3.60'));
});

describe('formatUsdFromCents (input integer cents)', () => {
  it.each([
    ['en', 123_456, '$1,234.56'],
    ['zh', '-995', '-$9.95'],
    ['en', 1n, '$0.01'],
    ['en', null, '—'],
  ] as const)('%s %s → %s', (locale, cents, expected) => expect(formatUsdFromCents(cents, locale)).toBe(expected));
});

describe('formatMoney (other fiat)', () => {
  it.each([
    ['en', 12.3, 'CNY', '¥12.30'],
    ['zh', 12.3, 'CNY', '¥12.30'],
    ['en', 1234, 'JPY', '¥1,234'],
    ['zh', 9.5, 'EUR', '€9.50'],
    ['en', undefined, 'EUR', '—'],
  ] as const)('%s %s %s → %s', (locale, amount, currency, expected) => expect(formatMoney(amount, currency, locale)).toBe(expected));
});
