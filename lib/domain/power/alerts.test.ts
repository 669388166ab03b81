import { describe, expect, it } from 'vitest';
import { type AlertSite, powerAlerts } from './alerts';
import type { Tariff } from './tariff';

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
const site: AlertSite = { siteId: 's', timeZone: 'America/Chicago', contractedKw: 100, liveW: 50_000, liveMiners: 10, lastHour: '2026-03-10T16:00:00Z', tariffs: [tou] };
const kinds = (s: Partial<AlertSite>, now: string) => powerAlerts({ ...site, ...s }, new Date(now)).map((a) => a.kind);

describe('powerAlerts', () => {
  it.each([
    [{}, '2026-03-10T16:30:00Z', []], // 11:30 CDT, off-peak, under contract, data fresh
    [{ liveW: 100_001 }, '2026-03-10T16:30:00Z', ['contract_exceeded']],
    [{}, '2026-03-10T19:30:00Z', ['peak_window', 'data_gap']], // 14:30 CDT; last row 3.5 h old
    [{ liveMiners: 0 }, '2026-03-10T19:30:00Z', ['peak_window']],
    [{ tariffs: [tou, { ...tou, id: 't2', effectiveFrom: new Date('2026-03-15T05:00:00Z') }] }, '2026-03-10T16:30:00Z', ['rate_change']],
  ])('%j at %s → %j', (s, now, expected) => {
    expect(kinds(s, now)).toEqual(expected);
  });
});
