import { describe, expect, it } from 'vitest';
import { formatChartTime, formatDate, formatDateTime } from './date';

const at = '2026-06-01T20:34:56Z';

describe('formatDate', () => {
  it.each([
    ['en', 'UTC', 'Jun 1, 2026'],
    // Past midnight in Ya'an: the site's day, not UTC's.
    ['en', 'Asia/Shanghai', 'Jun 2, 2026'],
    ['zh', 'UTC', '2026年6月1日'],
    ['zh', 'Asia/Shanghai', '2026年6月2日'],
  ] as const)('%s in %s → %s', (locale, zone, expected) => expect(formatDate(at, locale, zone)).toBe(expected));

  it.each([null, undefined, '', 'not a date'])('%s → —', (v) => expect(formatDate(v, 'en')).toBe('—'));
});

describe('formatDateTime', () => {
  it.each([
    ['en', 'UTC', {}, 'Jun 1, 2026, 8:34 PM'],
    ['en', 'UTC', { zone: true }, 'Jun 1, 2026, 8:34 PM UTC'],
    ['en', 'America/Chicago', { zone: true }, 'Jun 1, 2026, 3:34 PM CDT'],
    ['en', 'UTC', { seconds: true }, 'Jun 1, 2026, 8:34:56 PM'],
    ['zh', 'UTC', {}, '2026年6月1日 20:34'],
    ['zh', 'Asia/Shanghai', { zone: true }, '2026年6月2日 04:34 GMT+8'],
  ] as const)('%s in %s %o → %s', (locale, zone, options, expected) => expect(formatDateTime(new Date(at), locale, zone, options)).toBe(expected));

  it('is — for a missing instant', () => expect(formatDateTime(null, 'zh')).toBe('—'));
});

describe('formatChartTime', () => {
  it.each([
    ['en', 'day', 'Jun 1'],
    ['en', 'minute', '08:34 PM'],
    ['zh', 'day', '6月1日'],
    ['zh', 'minute', '20:34'],
    ['zh', 'hour', '6月1日 20时'],
    ['en', 'month', 'Jun 2026'],
    ['zh', 'month', '2026年6月'],
  ] as const)('%s %s → %s', (locale, grain, expected) => expect(formatChartTime(at, locale, grain)).toBe(expected));
});
