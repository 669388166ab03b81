import { describe, expect, it } from 'vitest';
import { formatEfficiency } from './efficiency';

describe('formatEfficiency (input J/TH)', () => {
  it.each([
    ['en', 17.46, '17.5 J/TH'],
    ['en', 21, '21.0 J/TH'],
    ['zh', 17.46, '17.5 J/TH'],
    ['en', null, '—'],
  ] as const)('%s %s → %s', (locale, j, expected) => expect(formatEfficiency(j, locale)).toBe(expected));
});
