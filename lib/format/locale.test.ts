import { describe, expect, it } from 'vitest';
import { formatLocale, numberFormat, toFinite } from './locale';

describe('formatLocale', () => {
  it.each([
    ['en', 'en'],
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['ZH-Hans', 'zh'],
    // Unknown or malformed tags (a stray asset URL, an e-mail recipient's 'fr') read as English.
    ['fr', 'en'],
    ['favicon.ico', 'en'],
    ['zhx', 'en'],
    ['', 'en'],
  ] as const)('%s → %s', (tag, expected) => expect(formatLocale(tag)).toBe(expected));
});

describe('toFinite', () => {
  it.each([
    [12, 12],
    ['12.5', 12.5],
    [5n, 5],
    ['', null],
    ['x', null],
    [Number.NaN, null],
    [Number.NEGATIVE_INFINITY, null],
    [null, null],
    [undefined, null],
  ] as const)('%s → %s', (v, expected) => expect(toFinite(v)).toBe(expected));
});

describe('numberFormat', () => {
  it('reuses one formatter per locale and options', () => {
    expect(numberFormat('en', { maximumFractionDigits: 1 })).toBe(numberFormat('en-US', { maximumFractionDigits: 1 }));
    expect(numberFormat('en', { maximumFractionDigits: 1 })).not.toBe(numberFormat('zh', { maximumFractionDigits: 1 }));
  });
});
