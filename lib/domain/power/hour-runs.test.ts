import { describe, expect, it } from 'vitest';
import { hourRuns } from './hour-runs';

const h = (iso: string) => new Date(`2026-03-10T${iso}:00:00Z`);
const show = (runs: { from: Date; to: Date }[]) => runs.map((r) => `${r.from.toISOString().slice(11, 13)}-${r.to.toISOString().slice(11, 13)}`);

describe('hourRuns', () => {
  it.each([
    { hours: [], runs: [] },
    { hours: ['05'], runs: ['05-06'] },
    { hours: ['07', '05', '06', '06', '09'], runs: ['05-08', '09-10'] },
    { hours: ['01', '02', '03', '04', '05'], max: 2, runs: ['01-03', '03-05', '05-06'] },
  ])('$hours → $runs', ({ hours, max, runs }) => {
    expect(show(hourRuns(hours.map(h), max))).toEqual(runs);
  });
});
