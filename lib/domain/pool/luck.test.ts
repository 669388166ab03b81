import { describe, expect, it } from 'vitest';
import { expectedThs, luckPct } from './luck';

const NOW = new Date('2026-12-06T12:00:00Z');
const base = { adminStatus: 'active', quantity: 2, nameplateThs: 200, nameplatePowerW: 3500, poolThs: 390 };
const live = { online: true, hashrateThs: 380, powerW: 7000 };

describe('expectedThs', () => {
  it('is the telemetry figure while the reading is current', () => {
    expect(expectedThs({ state: 'online', source: 'telemetry', lastSeenAt: NOW }, { ...base, live })).toEqual({ ths: 380, source: 'telemetry' });
    // Measured offline: nothing expected, and that is a measurement.
    expect(expectedThs({ state: 'offline', source: 'telemetry', lastSeenAt: NOW }, { ...base, live: { ...live, online: false } })).toEqual({ ths: 0, source: 'telemetry' });
    // Hashing without a figure: the nameplate, labelled so.
    expect(expectedThs({ state: 'online', source: 'telemetry', lastSeenAt: NOW }, { ...base, live: { ...live, hashrateThs: null } })).toEqual({ ths: 400, source: 'nameplate' });
  });

  it('is the nameplate × quantity without telemetry (never the pool figure), for a miner set active only', () => {
    expect(expectedThs({ state: 'online', source: 'pool', lastSeenAt: NOW }, { ...base, live: null })).toEqual({ ths: 400, source: 'nameplate' });
    expect(expectedThs({ state: 'unknown', source: 'none', lastSeenAt: null }, { ...base, live: null })).toEqual({ ths: 400, source: 'nameplate' });
    expect(expectedThs({ state: 'online', source: 'pool', lastSeenAt: NOW }, { ...base, adminStatus: 'maintenance', live: null })).toEqual({ ths: 0, source: 'nameplate' });
  });
});

describe('luckPct', () => {
  it.each([
    // credited / expected − 1, by hand: 370 / 400 − 1 = −0.075 → −7.5 %
    [370, 400, -7.5],
    [420, 400, 5],
    [400, 400, 0],
    [0, 400, -100],
    [185, 0, null],
    [Number.NaN, 400, null],
  ])('credited %s TH/s against expected %s TH/s → %s %%', (credited, expected, want) => {
    const got = luckPct(credited, expected);
    if (want === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(want, 9);
  });
});
