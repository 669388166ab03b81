import { describe, expect, it } from 'vitest';
import { fillPriceCents, satsForNetCents, sellSats, shareOf } from './sale';

const costs = { feeBps: 10, slippageBps: 20 };

describe('sale arithmetic (integer sats and cents)', () => {
  it('sells 50,000 sats at a $50,000 close with 0.2 % slippage and a 0.1 % fee', () => {
    // fill = 5,000,000 · 9,980 / 10,000 = 4,990,000 ¢; gross = ⌊50,000 · 4,990,000 / 1e8⌋ = 2,495 ¢;
    // fee = ⌈2,495 · 10 / 10,000⌉ = ⌈2.495⌉ = 3 ¢; net = 2,492 ¢.
    expect(fillPriceCents(5_000_000, 20)).toBe(4_990_000);
    expect(sellSats(50_000, 5_000_000, costs)).toEqual({ sats: 50_000, fillCentsPerBtc: 4_990_000, grossCents: 2_495, feeCents: 3, netCents: 2_492 });
  });

  it('finds the fewest sats that net a sum, past the fee rounding', () => {
    // Least gross: ⌈2,492 · 1e4 / 9,990⌉ = 2,495 ¢, net 2,495 − ⌈2.495⌉ = 2,492 ¢ (2,494 would net 2,491).
    // Sats: ⌈2,495 · 1e8 / 4,990,000⌉ = 50,000; 49,999 gross only 2,494 ¢.
    expect(satsForNetCents(2_492, 5_000_000, costs)).toBe(50_000);
    expect(sellSats(49_999, 5_000_000, costs).netCents).toBeLessThan(2_492);
    expect(satsForNetCents(0, 5_000_000, costs)).toBe(0);
    // Whatever the sum, the answer nets it and one sat fewer does not.
    for (const c of [1, 7, 999, 123_457, 5_000_000_00]) {
      const s = satsForNetCents(c, 6_543_210, costs);
      expect(sellSats(s, 6_543_210, costs).netCents).toBeGreaterThanOrEqual(c);
      expect(sellSats(s - 1, 6_543_210, costs).netCents).toBeLessThan(c);
    }
  });

  it('stays exact past 2^53 (1,000 BTC at $100,000)', () => {
    // 1e11 sats · 10,000,000 ¢ / 1e8 = 10,000,000,000 ¢ = $100 M, no float in between.
    expect(sellSats(100_000_000_000, 10_000_000, { feeBps: 0, slippageBps: 0 }).grossCents).toBe(10_000_000_000);
  });

  it('takes a share in basis points, rounded down', () => {
    expect(shareOf(100_001, 2_500)).toBe(25_000);
    expect(shareOf(7, 10_000)).toBe(7);
  });
});
