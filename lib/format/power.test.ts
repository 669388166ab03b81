import { describe, expect, it } from 'vitest';
import { formatPower } from './power';

describe('formatPower (input W)', () => {
  it.each([
    ['en', 3250, '3.25 kW'],
    ['en', 999, '999 W'],
    // The demo farm: "20.89 MW" everywhere, not "20,887.7 kW" on one page.
    ['en', 20_887_700, '20.89 MW'],
    ['en', 1.2e9, '1.2 GW'],
    ['en', 0, '0 W'],
    ['en', -5, '-5 W'],
    ['zh', 20_887_700, '20.89 MW'],
    ['zh', 3500, '3.5 kW'],
    ['en', null, '—'],
    ['zh', Number.POSITIVE_INFINITY, '—'],
  ] as const)('%s %s → %s', (locale, w, expected) => expect(formatPower(w, locale)).toBe(expected));
});
