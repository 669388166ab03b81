import { describe, expect, it } from 'vitest';
import { detectMiner } from './detect';
import { bestStepSse, fitTrend } from './trend';
import type { MinerObservation } from './types';

const stats = (median: number, mad: number, n: number) => ({ median, mad, n });

/** A steady S19-class miner: 100 TH/s, 75 °C, 3,000 W, fans 5,200 rpm, 0.3 % rejects, 30 days of history, 9 peers. */
function miner(recent: Partial<MinerObservation['recent']> = {}, daily: number[] = Array(14).fill(100)): MinerObservation {
  return {
    minerId: 'm1',
    siteId: 's1',
    modelId: 1,
    recent: { hashrateThs: 100, chipTempC: 75, powerW: 3000, rejectPct: 0.3, fanMinRpm: 5200, ...recent },
    own: { hashrateThs: stats(100, 0.4, 30), chipTempC: stats(78, 0.6, 30), powerW: stats(3000, 10, 30), fanMinRpm: stats(5200, 80, 30), rejectPct: 0.3 },
    dailyHashrateThs: daily,
    dailyChipTempC: Array(14).fill(75),
    peers: { hashrateThs: stats(100, 1, 9), chipTempC: stats(81, 1, 9), powerW: stats(3000, 20, 9), fanMinRpm: stats(5200, 100, 9), rejectPct: stats(0.3, 0.05, 9) },
  };
}

describe('detectMiner', () => {
  it('says nothing about a steady miner', () => {
    expect(detectMiner(miner({ chipTempC: 79 }))).toEqual([]);
  });

  it('explains a hot chip against its own median and its peers, with the numbers', () => {
    // 92 − 78 = 14 °C over its 30-day median; 92 − 81 = 11 °C over its 9 peers'. Scale 1.5 °C (the floor
    // beats 1.4826 × 0.6 = 0.89), so z = 14 / 1.5 = 9.3; 14 ≥ 10 °C over → critical.
    const [flag, ...rest] = detectMiner(miner({ chipTempC: 92 }));
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({ kind: 'temp_high', severity: 'critical', observed: 92, unit: '°C' });
    expect(flag!.score).toBeCloseTo(14 / 1.5, 6);
    expect(flag!.explain).toEqual([
      { key: 'chipTemp', values: { value: 92 } },
      { key: 'ownDegAbove', values: { delta: 14, days: 30 } },
      { key: 'peersDegAbove', values: { delta: 11, peers: 9 } },
    ]);
  });

  it.each([
    ['a stopped fan', { fanMinRpm: 0, chipTempC: 86 }, 'fan_failure', 'critical'],
    ['one of three boards lost (hashrate and power by a third)', { hashrateThs: 66.7, powerW: 2100 }, 'hashboard_loss', 'critical'],
    ['a 12 % step drop at the same power', { hashrateThs: 88 }, 'hashrate_drop', 'warning'],
    ['a 30 % step drop at the same power', { hashrateThs: 70 }, 'hashrate_drop', 'critical'],
    ['power 8 % up at the same hashrate (the trip is 4 × 1.5 % = 6 %)', { powerW: 3240 }, 'power_shift', 'warning'],
    ['rejects 2.5 % of shares', { rejectPct: 2.5 }, 'reject_high', 'warning'],
  ] as const)('flags %s', (_, recent, kind, severity) => {
    expect(detectMiner(miner(recent)).map((f) => [f.kind, f.severity])).toContainEqual([kind, severity]);
  });

  it('a 4 % dip is inside the noise floor (2 % × 4) and not flagged', () => {
    expect(detectMiner(miner({ hashrateThs: 96 }))).toEqual([]);
  });

  it('a steady slide of 0.8 % a day is a drift, and the value on its line is not also a step', () => {
    const daily = Array.from({ length: 14 }, (_, i) => 100 - 0.8 * i);
    const flags = detectMiner(miner({ hashrateThs: 100 - 0.8 * 14 }, daily));
    expect(flags.map((f) => f.kind)).toEqual(['hashrate_drift']);
    // Slope −0.8 TH/s a day from a fitted start of 100: 0.8 % a day, 13 × 0.8 = 10.4 % over 14 days.
    expect(flags[0]!.explain[1]).toEqual({ key: 'fallingPerDay', values: { pct: 0.8, days: 14, total: 10.4 } });
  });

  it('a step in the daily series is a drop, not a drift', () => {
    const daily = [...Array(10).fill(100), ...Array(4).fill(85)];
    expect(detectMiner(miner({ hashrateThs: 85 }, daily)).map((f) => f.kind)).toEqual(['hashrate_drop']);
  });

  it('leaves a sleeping or offline miner to the OFFLINE rule', () => {
    expect(detectMiner(miner({ hashrateThs: 0, fanMinRpm: 0 }))).toEqual([]);
    expect(detectMiner(miner({ hashrateThs: null }))).toEqual([]);
  });

  it('with no history and no peers there is nothing to compare against', () => {
    const m = miner({ hashrateThs: 50 });
    expect(detectMiner({ ...m, own: { hashrateThs: null, chipTempC: null, powerW: null, fanMinRpm: null, rejectPct: null }, peers: { hashrateThs: stats(100, 1, 2), chipTempC: null, powerW: null, fanMinRpm: null, rejectPct: null } })).toEqual([]);
  });
});

describe('fitTrend', () => {
  it('fits a line exactly and prefers it to a step', () => {
    const f = fitTrend([10, 12, 14, 16, 18, 20, 22])!;
    expect(f.slopePerDay).toBeCloseTo(2, 9);
    expect(f.r2).toBeCloseTo(1, 9);
    expect(f.lineSse).toBeLessThan(f.stepSse);
  });
  it('a step has zero step error', () => {
    expect(bestStepSse([5, 5, 5, 9, 9])).toBeCloseTo(0, 9);
    expect(fitTrend([1, 2, 3])).toBeNull();
  });
});
