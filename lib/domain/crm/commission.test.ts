import { describe, expect, it } from 'vitest';
import { commissionCents } from './commission';

describe('commissionCents', () => {
  it.each([
    ['a fixed amount', 1_000_000, { bps: null, fixedCents: 25_000 }, 25_000],
    ['2.5 % of $10,000.00', 1_000_000, { bps: 250, fixedCents: null }, 25_000],
    ['half a cent rounds up', 1, { bps: 5000, fixedCents: null }, 1],
    ['below half a cent rounds down', 1, { bps: 4999, fixedCents: null }, 0],
    ['a value past 2^53 / 10000 stays exact', 9_000_000_000_000, { bps: 333, fixedCents: null }, 299_700_000_000],
    ['nothing set', 1_000_000, { bps: null, fixedCents: null }, null],
  ])('%s', (_name, value, c, expected) => expect(commissionCents(value, c)).toBe(expected));
});
