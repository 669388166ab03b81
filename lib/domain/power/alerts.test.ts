import { describe, expect, it } from 'vitest';
import { type AlertSite, powerAlerts, upcomingPeak } from './alerts';
import type { Tariff } from './tariff';

// Peak 14:00–20:00 every day in Chicago: on 10 March 2026 (CDT, UTC−5) that is 19:00–01:00 UTC.
const tou: Tariff = {
  id: 't1',
  effectiveFrom: new Date('2026-01-01T06:00:00Z'),
  kind: 'tou',
  ratesMcPerKwh: { peak: 12_000, off_peak: 4_000 },
  seasons: [{ name: 'all', from: '01-01', to: '12-31', periods: [{ window: 'peak', days: [0, 1, 2, 3, 4, 5, 6], from: '14:00', to: '20:00' }] }],
  holidays: [],
  demandCentsPerKw: 0,
  fixedMonthlyCents: 0,
};
const site: AlertSite = {
  siteId: 's',
  timeZone: 'America/Chicago',
  contractedKw: 100,
  liveW: 50_000,
  liveMiners: 10,
  ratedW: 60_000,
  tariffs: [tou],
  lastHour: '2026-03-10T17:00:00Z',
  monthPeak: { month: '2026-03', peakW: 80_000, hour: '2026-03-09T12:00:00Z' },
  judgedHour: null,
  lastMeterReading: null,
};
const alerts = (s: Partial<AlertSite>, now: string) => powerAlerts({ ...site, ...s }, new Date(now));
const kinds = (s: Partial<AlertSite>, now: string) => alerts(s, now).map((a) => [a.kind, a.period]);

describe('upcomingPeak', () => {
  it.each([
    ['2026-03-10T18:35:00Z', '2026-03-10T19:00:00.000Z'], // 13:35 CDT: peak at 14:00, 25 min ahead
    ['2026-03-10T18:29:00Z', null], // 31 min ahead: not yet
    ['2026-03-10T19:10:00Z', null], // already in the peak
  ])('at %s → %s', (now, at) => expect(upcomingPeak([tou], 'America/Chicago', new Date(now), 30)?.toISOString() ?? null).toBe(at));
});

describe('powerAlerts', () => {
  it.each([
    [{}, '2026-03-10T18:00:00Z', []], // 13:00 CDT, 50 of 60 kW, under contract, data fresh
    // 54 kW is 90 % of the miners' 60 kW rating, 25 minutes before the peak: one warning, keyed by the window's start.
    [{ liveW: 54_000 }, '2026-03-10T18:35:00Z', [['peak_warning', '2026-03-10T19:00:00.000Z']]],
    [{ liveW: 53_999 }, '2026-03-10T18:35:00Z', []],
    [{ liveW: 90_000, ratedW: 0 }, '2026-03-10T18:35:00Z', [['peak_warning', '2026-03-10T19:00:00.000Z']]], // no rated power: the contract is the capacity
    [{ monthPeak: { month: '2026-03', peakW: 100_001, hour: '2026-03-09T12:00:00Z' } }, '2026-03-10T18:00:00Z', [['contract_exceeded', '2026-03']]],
    [{ tariffs: [tou, { ...tou, id: 't2', effectiveFrom: new Date('2026-03-15T05:00:00Z') }] }, '2026-03-10T18:00:00Z', [['rate_change', '2026-03-15T05:00:00.000Z']]],
    [{ tariffs: [tou, { ...tou, id: 't2', effectiveFrom: new Date('2026-03-18T05:00:00Z') }] }, '2026-03-10T18:00:00Z', []], // 7 d 11 h ahead
    [{ lastMeterReading: '2026-03-10T14:45:00Z' }, '2026-03-10T18:00:00Z', [['meter_gap', '2026-03-10T14:45:00Z']]], // 3 h 15 min without a reading
    [{ lastMeterReading: '2026-03-10T15:00:00Z' }, '2026-03-10T18:00:00Z', []], // exactly 3 h
    [{ lastHour: '2026-03-10T14:00:00Z' }, '2026-03-10T17:00:00Z', []], // exactly 3 h
    [{ lastHour: '2026-03-10T14:00:00Z', liveMiners: 0 }, '2026-03-10T18:00:00Z', []], // no miner reports: nothing to aggregate
    [{ lastHour: '2026-03-10T14:00:00Z' }, '2026-03-10T17:00:01Z', [['data_gap', '2026-03-10T14:00:00Z']]],
    [{ lastHour: null }, '2026-03-10T18:00:00Z', [['data_gap', 'never']]],
  ])('%j at %s → %j', (s, now, expected) => {
    expect(kinds(s, now)).toEqual(expected);
  });

  it('abnormal consumption: the hour against the same hour of the four weeks before', () => {
    const judged = (energyWh: number) => ({ judgedHour: { hour: '2026-03-10T17:00:00Z', energyWh, samplesWh: [50_000, 52_000, 49_000, 51_000] } });
    // median 50.5 kWh, MAD 1 kWh → 3 × 1.4826 kWh = 4.45 kWh < 10 % of 50.5 = 5.05 kWh
    expect(alerts(judged(55_000), '2026-03-10T18:10:00Z')).toEqual([]);
    expect(alerts(judged(45_000), '2026-03-10T18:10:00Z')).toEqual([
      { siteId: 's', kind: 'abnormal_consumption', severity: 'warning', period: '2026-03-10T17:00:00Z', detail: { hour: '2026-03-10T17:00:00Z', energyWh: 45_000, medianWh: 50_500, madWh: 1_000, thresholdWh: 5_050, direction: 'low', samples: 4 } },
    ]);
  });
});
