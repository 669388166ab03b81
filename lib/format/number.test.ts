import { describe, expect, it } from 'vitest';
import { formatNumber } from './number';

describe('formatNumber', () => {
  it.each([
    ['en', 1_234_567, {}, '1,234,567'],
    ['en', 2.6, {}, '3'],
    ['en', 0.12345, { digits: 3 }, '0.123'],
    ['en', 2, { digits: 2 }, '2'],
    ['en', 2, { digits: 2, fixed: true }, '2.00'],
    ['zh', 1_234_567, {}, '1,234,567'],
    ['zh', '0.0450', { digits: 4, fixed: true }, '0.0450'],
    ['en', null, {}, '—'],
    ['zh', Number.NaN, {}, '—'],
  ] as const)('%s %s %o → %s', (locale, value, options, expected) => expect(formatNumber(value, locale, options)).toBe(expected));
});
