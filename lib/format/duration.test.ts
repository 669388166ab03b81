import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration';

describe('formatDuration (input seconds)', () => {
  it.each([
    ['en', 0.4, '0.4s'],
    ['en', 12, '12s'],
    ['en', 272, '4m 32s'],
    ['en', 2718, '45m 18s'],
    // Rounded before the units are picked: not "60m".
    ['en', 3599.7, '1h'],
    ['en', 59.7, '1m'],
    ['en', 3900, '1h 5m'],
    ['en', 3 * 86_400 + 4 * 3600 + 100, '3d 4h'],
    ['en', 2 * 86_400, '2d'],
    ['en', -90, '-1m 30s'],
    ['zh', 3 * 86_400 + 4 * 3600, '3天 4小时'],
    ['zh', 2718, '45分钟 18秒'],
    ['zh', 12, '12秒'],
    ['en', null, '—'],
    ['zh', Number.NaN, '—'],
  ] as const)('%s %s → %s', (locale, seconds, expected) => expect(formatDuration(seconds, locale)).toBe(expected));
});
