import { describe, expect, it } from 'vitest';
import { localDate, localDayRange, localMonthRange, offsetMinutes, zonedMidnight, zonedTime, zoneParts } from './zone';

const CHI = 'America/Chicago';
const hoursOf = (r: { from: Date; to: Date }) => (r.to.getTime() - r.from.getTime()) / 3_600_000;

describe('wall-clock time in a site zone', () => {
  it.each([
    ['2026-03-07', '2026-03-07T06:00:00.000Z', 24],
    ['2026-03-08', '2026-03-08T06:00:00.000Z', 23], // spring forward: 02:00 CST → 03:00 CDT
    ['2026-03-09', '2026-03-09T05:00:00.000Z', 24],
    ['2026-11-01', '2026-11-01T05:00:00.000Z', 25], // fall back: 02:00 CDT → 01:00 CST
    ['2026-11-02', '2026-11-02T06:00:00.000Z', 24],
  ])('Chicago %s starts at %s and lasts %i h', (date, start, hours) => {
    expect(zonedMidnight(date, CHI).toISOString()).toBe(start);
    expect(hoursOf(localDayRange(date, CHI))).toBe(hours);
  });

  it('offsets and parts around the fall-back hour', () => {
    expect(offsetMinutes(new Date('2026-11-01T06:30:00Z'), CHI)).toBe(-300); // 01:30 CDT
    expect(offsetMinutes(new Date('2026-11-01T07:30:00Z'), CHI)).toBe(-360); // 01:30 CST, the second time
    expect(zoneParts(new Date('2026-11-01T07:30:00Z'), CHI)).toEqual({ year: 2026, month: 11, day: 1, hour: 1, minute: 30, weekday: 0 });
    expect(localDate(new Date('2026-11-02T05:59:00Z'), CHI)).toBe('2026-11-01');
  });

  it('months: March 2026 in Chicago has 743 hours, November 721, and a half-hour zone works too', () => {
    expect(hoursOf(localMonthRange('2026-03', CHI))).toBe(743);
    expect(hoursOf(localMonthRange('2026-11', CHI))).toBe(721);
    expect(localMonthRange('2026-12', 'Asia/Kolkata')).toEqual({ from: new Date('2026-11-30T18:30:00Z'), to: new Date('2026-12-31T18:30:00Z') });
  });
});

describe('zonedTime: a site clock time to an instant', () => {
  it.each([
    ['2026-07-15', '16:00', 'America/Chicago', '2026-07-15T21:00:00.000Z'],
    ['2026-01-15', '16:00', 'America/Chicago', '2026-01-15T22:00:00.000Z'],
    ['2026-07-15', '00:30', 'Asia/Shanghai', '2026-07-14T16:30:00.000Z'],
    // Spring forward: 02:30 does not exist in Chicago on 8 March; it is taken as 03:30 CDT.
    ['2026-03-08', '02:30', 'America/Chicago', '2026-03-08T08:30:00.000Z'],
    // Fall back: 01:30 happens twice on 1 November; the first (CDT) is taken.
    ['2026-11-01', '01:30', 'America/Chicago', '2026-11-01T06:30:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, iso) => {
    expect(zonedTime(date, time, zone).toISOString()).toBe(iso);
  });
});
