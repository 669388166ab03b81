import { describe, expect, it } from 'vitest';
import { formatEnergy } from './energy';

describe('formatEnergy (input Wh)', () => {
  it.each([
    ['en', 480_000, '480 kWh'],
    ['en', 72_500, '72.5 kWh'],
    ['en', 501_300_000, '501.3 MWh'],
    ['en', 12.5, '12.5 Wh'],
    ['zh', 480_000, '480 kWh'],
    ['zh', 2.5e9, '2.5 GWh'],
    ['en', undefined, '—'],
    ['zh', Number.NaN, '—'],
  ] as const)('%s %s → %s', (locale, wh, expected) => expect(formatEnergy(wh, locale)).toBe(expected));
});
