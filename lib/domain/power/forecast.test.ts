import { describe, expect, it } from 'vitest';
import { changePct, forecastMonth } from './forecast';

describe('forecastMonth', () => {
  it('extrapolates over the real hours of the month: 10 days of a 743-hour March', () => {
    expect(forecastMonth({ monthWh: 240_000, monthCostCents: 1_200, hoursIntoMonth: 240, hoursInMonth: 743 })).toEqual({ energyWh: 743_000, costCents: 3_715 });
  });
  it('has nothing to say in the first hour, and no cost for a client', () => {
    expect(forecastMonth({ monthWh: 10, monthCostCents: 1, hoursIntoMonth: 0.5, hoursInMonth: 720 })).toEqual({ energyWh: null, costCents: null });
    expect(forecastMonth({ monthWh: 1000, monthCostCents: null, hoursIntoMonth: 10, hoursInMonth: 720 })).toEqual({ energyWh: 72_000, costCents: null });
  });
});

describe('changePct', () => {
  it.each([
    [110, 100, 10],
    [90, 100, -10],
    [1, 3, -66.7],
    [5, 0, null],
    [5, null, null],
  ])('%s vs %s → %s', (cur, prev, pct) => {
    expect(changePct(cur, prev)).toBe(pct);
  });
});
