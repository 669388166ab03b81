import { describe, expect, it } from 'vitest';
import { formatDifficulty } from './difficulty';

describe('formatDifficulty', () => {
  it.each([
    ['en', 126.27e12, '126.27 T'],
    ['zh', 1.5e15, '1,500.00 T'],
    ['en', undefined, '—'],
  ] as const)('%s %s → %s', (locale, d, expected) => expect(formatDifficulty(d, locale)).toBe(expected));
});
