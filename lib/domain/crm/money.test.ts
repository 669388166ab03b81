import { describe, expect, it } from 'vitest';
import { centsFromUsdText, pctTextFromBps, usdTextFromCents } from './money';

describe('centsFromUsdText', () => {
  it.each([
    ['12,500', { cents: 1_250_000 }],
    ['99.5', { cents: 9950 }],
    ['0.29', { cents: 29 }],
    ['$1 200.00', { cents: 120_000 }],
    ['0', { cents: 0 }],
    ['-5', { problem: 'negative' }],
    ['-5.5.5', { problem: 'negative' }],
    ['1.234', { problem: 'invalid' }],
    ['abc', { problem: 'invalid' }],
    ['', { problem: 'invalid' }],
    ['99999999999999999', { problem: 'tooLarge' }],
  ])('%j → %j', (raw, expected) => expect(centsFromUsdText(raw)).toEqual(expected));
});

describe('usdTextFromCents and pctTextFromBps (form defaults that read back exactly)', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [1250005, '12500.05'],
    [29, '0.29'],
  ])('%i cents → %s and back', (cents, text) => {
    expect(usdTextFromCents(cents)).toBe(text);
    expect(centsFromUsdText(text)).toEqual({ cents });
  });
  it.each([
    [250, '2.5'],
    [200, '2'],
    [1, '0.01'],
    [10000, '100'],
  ])('%i bps → %s', (bps, text) => expect(pctTextFromBps(bps)).toBe(text));
});
