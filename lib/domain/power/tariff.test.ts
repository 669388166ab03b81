import { describe, expect, it } from 'vitest';
import { energyCents, type EnergyWindow, pricedSlots, type Tariff, tariffAt, usdPerKwhToMc } from './tariff';
import { localDayRange } from './zone';

const CHI = 'America/Chicago';
const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];

/** Peak 14–20 every day, shoulder 20:00–02:00 (across midnight), everything else off-peak. */
const tou: Tariff = {
  id: 'tou',
  effectiveFrom: new Date('2026-01-01T06:00:00Z'),
  kind: 'tou',
  ratesMcPerKwh: { peak: 12_000, shoulder: 8_000, off_peak: 4_000 },
  seasons: [{ name: 'all year', from: '01-01', to: '12-31', periods: [{ window: 'peak', days: ALL_DAYS, from: '14:00', to: '20:00' }, { window: 'shoulder', days: ALL_DAYS, from: '20:00', to: '02:00' }] }],
  holidays: ['2026-12-25'],
  demandCentsPerKw: 0,
  fixedMonthlyCents: 0,
};

/** One kWh in every hour of the local day: hours per window and the day's cost in cents. */
function day(date: string) {
  const { from, to } = localDayRange(date, CHI);
  const hours: Partial<Record<EnergyWindow, number>> = {};
  let cents = 0;
  for (const s of pricedSlots([tou], CHI, from, to, 3_600_000)) {
    hours[s.window] = (hours[s.window] ?? 0) + 1;
    cents += energyCents(1000, s.rateMcPerKwh);
  }
  return { hours, cents };
}

describe('time-of-use pricing in the site zone (1 kWh every hour; peak 12¢, shoulder 8¢, off-peak 4¢)', () => {
  it('an ordinary day: 6 peak + 6 shoulder (20–02 across midnight) + 12 off-peak = 72 + 48 + 48 = 168¢', () => {
    expect(day('2026-03-10')).toEqual({ hours: { peak: 6, shoulder: 6, off_peak: 12 }, cents: 168 });
  });
  it('spring forward (23 h): 02:00–03:00 never happened, an off-peak hour less: 72 + 48 + 44 = 164¢', () => {
    expect(day('2026-03-08')).toEqual({ hours: { peak: 6, shoulder: 6, off_peak: 11 }, cents: 164 });
  });
  it('fall back (25 h): 01:00–02:00 happened twice, both in the shoulder window: 72 + 56 + 48 = 176¢', () => {
    expect(day('2026-11-01')).toEqual({ hours: { peak: 6, shoulder: 7, off_peak: 12 }, cents: 176 });
  });
  it('a holiday is off-peak all day: 24 × 4¢ = 96¢', () => {
    expect(day('2026-12-25')).toEqual({ hours: { off_peak: 24 }, cents: 96 });
  });
});

describe('tariffAt', () => {
  const weekdays: Tariff = {
    ...tou,
    id: 'weekdays',
    seasons: [
      { name: 'summer', from: '06-01', to: '09-30', periods: [{ window: 'peak', days: [1, 2, 3, 4, 5], from: '13:00', to: '19:00' }] },
      { name: 'winter', from: '11-01', to: '02-28', periods: [{ window: 'shoulder', days: [1, 2, 3, 4, 5], from: '22:00', to: '06:00' }] },
    ],
  };
  const raised: Tariff = { ...weekdays, id: 'raised', effectiveFrom: new Date('2026-07-16T05:00:00Z'), ratesMcPerKwh: { peak: 15_000, shoulder: 9_000, off_peak: 5_000 } };
  const at = (iso: string) => {
    const p = tariffAt([raised, weekdays], CHI, new Date(iso));
    return p && [p.tariff.id, p.window, p.rateMcPerKwh];
  };

  it.each([
    ['2025-12-31T12:00:00Z', null], // before the first version
    ['2026-07-15T18:00:00Z', ['weekdays', 'peak', 12_000]], // Wed 13:00 CDT, summer peak
    ['2026-07-16T04:59:00Z', ['weekdays', 'off_peak', 4_000]], // Wed 23:59 CDT, the old version still
    ['2026-07-16T18:00:00Z', ['raised', 'peak', 15_000]], // Thu 13:00 CDT, the new version
    ['2026-07-18T18:00:00Z', ['raised', 'off_peak', 5_000]], // Saturday: no weekday period
    ['2026-10-14T18:00:00Z', ['raised', 'off_peak', 5_000]], // October: no season covers it
    ['2027-01-05T05:00:00Z', ['raised', 'shoulder', 9_000]], // Mon 23:00 CST, winter wraps the new year
    ['2027-01-05T11:00:00Z', ['raised', 'shoulder', 9_000]], // Tue 05:00 CST, after midnight
    ['2027-01-09T07:00:00Z', ['raised', 'off_peak', 5_000]], // Sat 01:00: the weekday test is the local day's own
  ])('%s → %j', (iso, expected) => {
    expect(at(iso)).toEqual(expected);
  });
});

describe('money', () => {
  it.each([
    [1000, 5_234, 5], // 1 kWh × 5.234¢
    [1500, 5_000, 8], // 7.5¢ rounds half up
    [7_200_000_000, 12_345, 88_884_000], // a 10 MW site's month: 7.2 GWh × 12.345¢
  ])('%i Wh at %i m¢/kWh = %i¢', (wh, rate, cents) => {
    expect(energyCents(wh, rate)).toBe(cents);
  });
  it('$/kWh as sites store it', () => {
    expect(usdPerKwhToMc('0.05234')).toBe(5_234);
  });
});
