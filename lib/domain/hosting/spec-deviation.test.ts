import { describe, expect, it } from 'vitest';
import { specDeviation } from './spec-deviation';

const s21 = { hashrateThs: 200, powerW: 3500 };

describe('specDeviation', () => {
  it.each([
    ['on spec', { hashrateThs: 200, powerW: 3500 }, [0, 0, 0], ['ok', 'ok', 'ok']],
    ['one dead board (−33% TH/s)', { hashrateThs: 134, powerW: 2450 }, [-33, -30, 4.5], ['bad', 'ok', 'ok']],
    ['hot PSU, +10% W', { hashrateThs: 200, powerW: 3850 }, [0, 10, 10], ['ok', 'warn', 'warn']],
    ['overclocked: more TH/s is fine', { hashrateThs: 220, powerW: 3500 }, [10, 0, -9.1], ['ok', 'ok', 'ok']],
  ] as const)('%s', (_name, actual, pct, tones) => {
    const rows = specDeviation(s21, actual);
    expect(rows.map((r) => r.key)).toEqual(['hashrate', 'power', 'efficiency']);
    rows.forEach((r, i) => expect(r.deviationPct!).toBeCloseTo(pct[i]!, 1));
    expect(rows.map((r) => r.tone)).toEqual(tones);
    expect(rows[2]!.nominal).toBe(17.5);
  });

  it('has no actual or deviation without a reading, and no efficiency without power', () => {
    expect(specDeviation(s21, null).map((r) => [r.actual, r.deviationPct, r.tone])).toEqual([
      [null, null, 'muted'],
      [null, null, 'muted'],
      [null, null, 'muted'],
    ]);
    const noPower = specDeviation(s21, { hashrateThs: 190, powerW: null });
    expect(noPower[0]!.deviationPct).toBeCloseTo(-5, 5);
    expect(noPower[2]!.actual).toBeNull();
  });
});
