import { describe, expect, it } from 'vitest';
import { centsFromUsdText } from './money';

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
