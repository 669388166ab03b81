import { describe, expect, it } from 'vitest';
import { dailyDue, monthlyDue } from './schedule';

describe('daily and monthly power rebuilds on the site clock', () => {
  it.each([
    ['2026-03-10T05:30:00Z', 'America/Chicago', '2026-03-09'], // 00:30 CDT
    ['2026-03-10T05:44:00Z', 'America/Chicago', '2026-03-09'],
    ['2026-03-10T05:45:00Z', 'America/Chicago', null],
    ['2026-03-10T06:30:00Z', 'America/Chicago', null], // 01:30 CDT
    ['2026-03-08T06:30:00Z', 'America/Chicago', '2026-03-07'], // 00:30 CST, the morning of the 23-hour day
    ['2026-12-06T19:00:00Z', 'Asia/Kolkata', '2026-12-06'], // 00:30 IST on the 7th
    ['2026-12-06T00:30:00Z', 'UTC', '2026-12-05'],
  ])('%s in %s → %s', (now, zone, day) => {
    expect(dailyDue(new Date(now), zone)).toBe(day);
  });
  it.each([
    ['2026-04-01T06:00:00Z', 'America/Chicago', '2026-03'],
    ['2026-04-01T06:15:00Z', 'America/Chicago', null],
    ['2027-01-01T07:10:00Z', 'America/Chicago', '2026-12'], // 01:10 CST on New Year's day
    ['2026-04-02T06:00:00Z', 'America/Chicago', null],
  ])('%s in %s → %s', (now, zone, month) => {
    expect(monthlyDue(new Date(now), zone)).toBe(month);
  });
});
