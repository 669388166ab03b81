import { describe, expect, it } from 'vitest';
import { judgeHour, learnBaseline, median } from './baseline';

describe('median', () => {
  it.each([
    [[3, 1, 2], 2],
    [[98, 100, 102, 104], 101],
    [[5], 5],
  ])('%j → %f', (xs, m) => expect(median(xs)).toBe(m));
});

describe('learned baseline (median + MAD of the same hour of the week)', () => {
  // 100, 104, 98, 102 kWh: median 101; |x − 101| = 1, 3, 3, 1 → MAD 2 kWh; 3 × 1.4826 × 2 = 8.8956
  // kWh, under 10 % of 101 = 10.1 kWh, so the threshold is 10.1 kWh.
  const steady = [100_000, 104_000, 98_000, 102_000];
  it('learns median and MAD by hand', () => {
    expect(learnBaseline(steady)).toEqual({ medianWh: 101_000, madWh: 2_000, samples: 4 });
    expect(learnBaseline([1, 2])).toBeNull(); // fewer than three weeks
  });
  it.each([
    [112_000, true, 'high'], // 11 kWh over > 10.1
    [111_000, false, 'high'], // 10 kWh over ≤ 10.1
    [90_000, true, 'low'], // 11 kWh under
  ])('steady history: %i Wh → abnormal %s (%s)', (wh, abnormal, direction) => {
    const j = judgeHour(wh, steady)!;
    expect(j.thresholdWh).toBeCloseTo(10_100, 6);
    expect([j.abnormal, j.direction]).toEqual([abnormal, direction]);
  });
  // 100, 120, 80, 110, 90: median 100; deviations 0, 20, 20, 10, 10 → MAD 10; 3 × 1.4826 × 10 = 44.478
  // kWh (over 10 % of 100 = 10), so 145 is out (45) and 144 in (44).
  it.each([
    [145_000, true],
    [144_000, false],
    [55_000, true],
  ])('noisy history: %i Wh → abnormal %s', (wh, abnormal) => {
    const j = judgeHour(wh, [100_000, 120_000, 80_000, 110_000, 90_000])!;
    expect(j.madWh).toBe(10_000);
    expect(j.thresholdWh).toBeCloseTo(44_478, 6);
    expect(j.abnormal).toBe(abnormal);
  });
  it('no baseline, no judgement', () => expect(judgeHour(1, [1, 1])).toBeNull());
});
