import { describe, expect, it } from 'vitest';
import { columnTotals, table } from './model';

describe('report totals', () => {
  const cols = [
    { label: 'name', unit: 'text' as const, total: false },
    { label: 'energy', unit: 'wh' as const, total: true },
    { label: 'uptime', unit: 'pct' as const, total: false },
    { label: 'cost', unit: 'cents' as const, total: true },
  ];
  it.each([
    // 1,000 + 2,500 Wh = 3,500; cost 120 + missing = 120 (missing is skipped, not read as 0 or NaN)
    [[['a', 1000, 99, 120], ['b', 2500, 80, null]], [null, 3500, null, 120]],
    // every cost missing: the total is missing too, never 0
    [[['a', 5, 1, null]], [null, 5, null, null]],
    [[], [null, null, null, null]],
  ])('sums totalled columns only (%#)', (rows, want) => {
    expect(columnTotals(cols, rows)).toEqual(want);
  });
  it('a table without totals has none', () => {
    expect(table('t', cols, [['a', 1, 1, 1]], { totals: false }).totals).toBeNull();
  });
});
