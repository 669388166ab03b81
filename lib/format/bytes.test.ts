import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes';

describe('formatBytes (input bytes)', () => {
  it.each([
    ['en', 0, '0 B'],
    ['en', 999, '999 B'],
    ['en', 12_345, '12.35 kB'],
    ['en', 2_500_000, '2.5 MB'],
    ['en', 104_857_600, '104.9 MB'],
    ['zh', 1_073_741_824, '1.074 GB'],
    ['en', null, '—'],
  ] as const)('%s %s → %s', (locale, bytes, expected) => expect(formatBytes(bytes, locale)).toBe(expected));
});
