import { describe, expect, it } from 'vitest';
import { periodsInMonth, recommendAction, type StrategyParams, type StrategyPosition } from './strategies';

/*
 * This month's action for May 2024 (Mondays: 6, 13, 20, 27), holding 10,000,000 sats (0.1 BTC) at
 * $60,000 (6,000,000 ¢), cost basis $30,000, the month's costs $3,000, 2,000,000 sats mined this
 * month, hashprice $55/PH/day; no fee, no slippage, so gross = sats · 6,000,000 / 1e8.
 */
const pos: StrategyPosition = { month: '2024-05', btcSats: 10_000_000, priceCentsPerBtc: 6_000_000, costBasisCentsPerBtc: 3_000_000, monthCostsCents: 300_000, monthProducedSats: 2_000_000, hashpriceUsdPerPhDay: 55 };
const free = { feeBps: 0, slippageBps: 0 };

const cases: Array<[string, StrategyParams, number | null, string]> = [
  ['hold', { kind: 'hold' }, null, 'hold'],
  // 4 Mondays · 1,000,000 sats.
  ['DCA BTC weekly', { kind: 'dcaBtc', sats: 1_000_000, every: 'week' }, 4_000_000, 'dcaBtc'],
  // 4 · $500 = 200,000 ¢ → ⌈200,000 · 1e8 / 6,000,000⌉ = 3,333,334 sats.
  ['DCA USD weekly', { kind: 'dcaUsd', cents: 50_000, every: 'week' }, 3_333_334, 'dcaUsd'],
  // $3,000 + 10 % = 330,000 ¢ → 5,500,000 sats.
  ['cover opex', { kind: 'coverOpex', bufferBps: 1_000 }, 5_500_000, 'coverOpex'],
  // $55,000 reached (10 % = 1,000,000), $65,000 not.
  ['ladder', { kind: 'priceLadder', rungs: [{ priceCents: 5_500_000, sellBps: 1_000 }, { priceCents: 6_500_000, sellBps: 2_000 }] }, 1_000_000, 'ladder'],
  ['ladder below', { kind: 'priceLadder', rungs: [{ priceCents: 6_500_000, sellBps: 2_000 }] }, null, 'ladderWait'],
  // +50 % = $45,000 and +100 % = $60,000 both reached: 10 % = 1,000,000, then 20 % of 9,000,000 = 1,800,000.
  ['above cost', { kind: 'aboveCost', layers: [{ markupBps: 10_000, sellBps: 2_000 }, { markupBps: 5_000, sellBps: 1_000 }] }, 2_800_000, 'aboveCost'],
  ['above cost, below layers', { kind: 'aboveCost', layers: [{ markupBps: 15_000, sellBps: 2_000 }] }, null, 'belowLayers'],
  // $55 > $50: half the month's 2,000,000 sats.
  ['hashprice above', { kind: 'hashprice', thresholdUsdPerPhDay: 50, direction: 'above', sellBps: 5_000 }, 1_000_000, 'hashprice'],
  ['hashprice not above', { kind: 'hashprice', thresholdUsdPerPhDay: 60, direction: 'above', sellBps: 5_000 }, null, 'hashpriceHold'],
];

describe("this month's recommended action", () => {
  it.each(cases)('%s', (_name, params, sats, reason) => {
    const a = recommendAction(params, pos, free);
    expect(a.reason).toBe(reason);
    expect(a.sell?.sats ?? null).toBe(sats);
    if (a.sell) expect(a.sell.grossCents).toBe(Math.floor((a.sell.sats * 6_000_000) / 1e8));
  });

  it('caps a sale at the BTC held, and says when nothing is held or known', () => {
    expect(recommendAction({ kind: 'dcaBtc', sats: 5_000_000, every: 'week' }, pos, free).sell?.sats).toBe(10_000_000);
    expect(recommendAction({ kind: 'dcaBtc', sats: 5_000_000, every: 'week' }, { ...pos, btcSats: 0 }, free)).toMatchObject({ sell: null, reason: 'nothingHeld' });
    expect(recommendAction({ kind: 'coverOpex', bufferBps: 0 }, { ...pos, monthCostsCents: null }, free).reason).toBe('noCosts');
    expect(recommendAction({ kind: 'aboveCost', layers: [] }, { ...pos, costBasisCentsPerBtc: null }, free).reason).toBe('noCostBasis');
  });

  it('counts the periods of a month', () => {
    expect(periodsInMonth('2024-05', 'week')).toBe(4);
    expect(periodsInMonth('2024-04', 'week')).toBe(5); // 1, 8, 15, 22, 29
    expect(periodsInMonth('2024-02', 'day')).toBe(29);
    expect(periodsInMonth('2024-02', 'month')).toBe(1);
  });
});
