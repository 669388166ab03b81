import { describe, expect, it } from 'vitest';
import { compareMonth, shiftMonth, utilisation } from './compare';

describe('compareMonth on fixed aggregates', () => {
  // March 1,200 kWh, $96.00, 2.0 kW peak; February 1,000 kWh, $80.00, 1.6 kW; March a year ago 1,500 kWh, $90.00, 2.5 kW.
  const mar = { energyWh: 1_200_000, costCents: 9_600, peakW: 2_000 };
  const feb = { energyWh: 1_000_000, costCents: 8_000, peakW: 1_600 };
  const lastMar = { energyWh: 1_500_000, costCents: 9_000, peakW: 2_500 };
  it('MoM +20 %, +20 %, +25 %; YoY −20 %, +6.7 %, −20 %', () => {
    expect(compareMonth(mar, feb, lastMar)).toEqual({ mom: { energyPct: 20, costPct: 20, peakPct: 25 }, yoy: { energyPct: -20, costPct: 6.7, peakPct: -20 } });
  });
  it('nothing to compare with is null, never 0 or infinity', () => {
    expect(compareMonth(mar, null, { energyWh: 0, costCents: 0, peakW: 0 })).toEqual({ mom: { energyPct: null, costPct: null, peakPct: null }, yoy: { energyPct: null, costPct: null, peakPct: null } });
    expect(compareMonth(null, feb, lastMar).mom.energyPct).toBeNull();
  });
  it('a client’s figures carry no cost, so no cost change', () => {
    expect(compareMonth({ ...mar, costCents: null }, feb, lastMar).mom.costPct).toBeNull();
  });
});

describe('shiftMonth', () => {
  it.each([
    ['2026-03', -1, '2026-02'],
    ['2026-01', -1, '2025-12'],
    ['2026-03', -12, '2025-03'],
    ['2026-12', 1, '2027-01'],
  ])('%s %i → %s', (m, by, out) => expect(shiftMonth(m, by)).toBe(out));
});

describe('utilisation', () => {
  it('1,000 kW contracted: an 850 kW peak is 85 %, a 612.3 kW average 61.2 %, 150 kW headroom', () => {
    expect(utilisation({ contractedKw: 1_000, peakW: 850_000, avgW: 612_300 })).toEqual({ peakPct: 85, averagePct: 61.2, exceeded: false, headroomW: 150_000 });
  });
  it('a peak over the contract is exceeded, with negative headroom', () => {
    expect(utilisation({ contractedKw: 100, peakW: 104_560, avgW: 90_000 })).toEqual({ peakPct: 104.6, averagePct: 90, exceeded: true, headroomW: -4_560 });
  });
  it('no contract: nothing to compare', () => expect(utilisation({ contractedKw: 0, peakW: 1, avgW: 1 }).peakPct).toBeNull());
});
