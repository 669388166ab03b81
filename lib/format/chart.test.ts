import { describe, expect, it } from 'vitest';
import { chartFormat } from './chart';

describe('chartFormat', () => {
  it.each([
    // Every tick in the unit of the largest value; the tooltip at its own scale.
    ['en', 'hashrateThs', [0, 400, 1_200], 400, '0.4 PH/s', '400 TH/s'],
    ['zh', 'hashrateThs', [95, 98.5], 98.5, '98.5 TH/s', '98.5 TH/s'],
    ['en', 'hashrateThs', [], 0, '0 TH/s', '0 TH/s'],
    ['en', 'usd', [-5_000, 12_000], -1234.5, '-$1,235', '-$1,234.50'],
    ['zh', 'usd', [1], 1234.5, '$1,235', '$1,234.50'],
    ['en', 'btc', [0.01], 0.005, '0.005', '0.00500000 BTC'],
    ['zh', 'count', [600], 510, '510', '510'],
    ['en', 'difficulty', [1, 1.4e14], 1.1e14, '110 T', '110.00 T'],
    ['en', 'difficulty', [1, 3e6], 2_500_000, '2.5 M', '2,500,000'],
  ] as const)('%s %s over %o: %s → tick %s, tooltip %s', (locale, unit, values, v, tick, tooltip) => {
    const f = chartFormat(unit, locale, values);
    expect(f.tick(v)).toBe(tick);
    expect(f.tooltip(v)).toBe(tooltip);
  });
});

describe('chartFormat on a log axis', () => {
  it('gives each tick its own unit', () => {
    const d = chartFormat('difficulty', 'en', [1, 1.4e14], { log: true });
    expect([1, 1e3, 1e9, 1e14].map(d.tick)).toEqual(['1', '1 k', '1 G', '100 T']);
    const h = chartFormat('hashrateThs', 'zh', [4e-6, 9e8], { log: true });
    expect([4e-6, 9e8].map(h.tick)).toEqual(['4 MH/s', '900 EH/s']);
  });
  it('a USD axis of a few dollars can keep its cents', () => {
    expect(chartFormat('usd', 'en', [38, 40], { usdDigits: 2 }).tick(38.5)).toBe('$38.50');
  });
});
