import { describe, expect, it } from 'vitest';
import { formatPercent } from './percent';

describe('formatPercent (input percent)', () => {
  it.each([
    ['en', 12.345, {}, '12.3%'],
    ['en', 96.3265, { digits: 2 }, '96.33%'],
    ['en', 8, { digits: 2, signed: true }, '+8.00%'],
    ['en', -3, { digits: 2, signed: true }, '-3.00%'],
    ['en', 0, { signed: true }, '0.0%'],
    // A tiny negative that rounds to zero is not "-0.0%".
    ['en', -0.01, {}, '0.0%'],
    ['zh', 12.345, {}, '12.3%'],
    ['zh', -4.5, { signed: true }, '-4.5%'],
    ['en', null, {}, '—'],
    ['zh', Number.NaN, { signed: true }, '—'],
  ] as const)('%s %s %o → %s', (locale, pct, options, expected) => expect(formatPercent(pct, locale, options)).toBe(expected));
});
