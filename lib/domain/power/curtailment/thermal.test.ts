import { describe, expect, it } from 'vitest';
import { DEFAULT_THERMAL_LIMITS, thermalLimitsFor, thermalStep } from './thermal';

const L = DEFAULT_THERMAL_LIMITS; // above 85 °C step down 250 W, restore under 78 °C, never below 1,500 W
const normal = 3500;

describe('thermalStep', () => {
  it.each([
    ['hot at full power → 3,250 W', 88, null, { action: 'step_down', targetW: 3250 }],
    ['still hot → another step', 86, 3250, { action: 'step_down', targetW: 3000 }],
    ['at the floor → hold there', 95, 1500, { action: 'hold', targetW: 1500 }],
    ['near the floor → to the floor, not past it', 95, 1600, { action: 'step_down', targetW: 1500 }],
    ['cooled into the band (80 °C) → hold (hysteresis)', 80, 3000, { action: 'hold', targetW: 3000 }],
    ['under 78 °C → one step up', 75, 3000, { action: 'step_up', targetW: 3250 }],
    ['the last step up ends the override', 70, 3250, { action: 'step_up', targetW: null }],
    ['cool at normal power → nothing', 60, null, { action: 'hold', targetW: null }],
    ['no reading → nothing decided', null, 3000, { action: 'no_reading', targetW: 3000 }],
  ])('%s', (_n, chipTempC, targetW, want) => {
    expect(thermalStep({ chipTempC, targetW, normalPowerW: normal }, L)).toEqual(want);
  });
  it('per-model limits override the defaults', () => {
    const hydro = thermalLimitsFor('Antminer S21 Hyd', { 'Antminer S21 Hyd': { maxChipC: 95, restoreBelowC: 88 } });
    expect(thermalStep({ chipTempC: 90, targetW: null, normalPowerW: 5360 }, hydro).action).toBe('hold');
    expect(thermalStep({ chipTempC: 90, targetW: null, normalPowerW: 3500 }, thermalLimitsFor('Antminer S21', {})).action).toBe('step_down');
  });
});
