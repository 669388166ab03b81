import { describe, expect, it } from 'vitest';
import { adviseCurtailment, breakEvenUsdPerKwh, minerAdvice, windowRuns } from './advice';
import type { PricedSlot } from './tariff';

const H = 3_600_000;
const T0 = Date.parse('2026-12-08T00:00:00Z');
const run = (fromH: number, toH: number, usdPerKwh: number) => ({ start: new Date(T0 + fromH * H), end: new Date(T0 + toH * H), window: 'peak' as const, rateMcPerKwh: Math.round(usdPerKwh * 100_000) });
const s19 = { minerId: 'a', name: 'S19', powerW: 3000, hashrateThs: 100 }; // 30 J/TH
const s21 = { minerId: 'b', name: 'S21', powerW: 3500, hashrateThs: 200 }; // 17.5 J/TH
const measured = () => ({ usdPerPhDay: 50, source: { kind: 'measured' as const, at: '2026-12-07T23:55:00Z' } });

describe('minerAdvice (hand-checked)', () => {
  it('a 30 J/TH miner through a 4-hour peak at 0.12 USD/kWh, hashprice 50 USD/PH/day', () => {
    // Energy 3,000 W × 4 h = 12,000 Wh; cost 12 kWh × 12 ¢ = 144 ¢.
    // Revenue 0.1 PH/s × 50 USD/day × 4/24 = 0.8333 USD → 83 ¢. Saving 144 − 83 = 61 ¢.
    expect(minerAdvice(s19, run(16, 20, 0.12), 50)).toEqual({ minerId: 'a', name: 'S19', jPerTh: 30, energyAvoidedWh: 12_000, costAvoidedCents: 144, revenueForgoneCents: 83, savingCents: 61 });
  });
  it('a 2 % pool fee lowers the revenue forgone', () => {
    // 0.8333 × 0.98 = 0.8167 USD → 82 ¢; saving 144 − 82 = 62 ¢.
    expect(minerAdvice(s19, run(16, 20, 0.12), 50, 2).savingCents).toBe(62);
  });
  it('an efficient miner earns more than its power costs and loses money switched off', () => {
    // 3,500 W × 4 h = 14 kWh × 12 ¢ = 168 ¢; revenue 0.2 × 50 × 4/24 = 1.6667 USD → 167 ¢; saving 1 ¢.
    expect(minerAdvice(s21, run(16, 20, 0.12), 50).savingCents).toBe(1);
    // At 0.10 USD/kWh: 140 ¢ − 167 ¢ = −27 ¢.
    expect(minerAdvice(s21, run(16, 20, 0.1), 50).savingCents).toBe(-27);
  });
  it('break-even electricity: 50 / (24 × 30) = 0.0694 USD/kWh', () => {
    expect(breakEvenUsdPerKwh(50, 30)).toBeCloseTo(0.069444, 6);
  });
});

describe('adviseCurtailment', () => {
  it('advises the miners that lose money in each window, with the window totals and the J/TH above which a miner loses money', () => {
    const [peak, ...rest] = adviseCurtailment([s19, s21], [run(16, 20, 0.1), run(20, 24, 0.05)], measured);
    // Off-peak 0.05: the S19 costs 60 ¢ over 4 h and earns 83 ¢ — nothing advised.
    expect(rest).toEqual([]);
    // Peak 0.10: S19 120 − 83 = 37 ¢; S21 140 − 167 < 0 → only the S19, 3,000 W shed.
    expect(peak!.miners.map((m) => [m.minerId, m.savingCents])).toEqual([['a', 37]]);
    expect(peak).toMatchObject({ shedW: 3000, savingCents: 37, hashpriceUsdPerPhDay: 50, source: { kind: 'measured' } });
    // 50 / (24 × 0.10) = 20.83 J/TH.
    expect(peak!.breakEvenJPerTh).toBeCloseTo(20.8333, 4);
  });
  it('gives no advice without a hashprice or a rate, and skips idle miners', () => {
    expect(adviseCurtailment([s19], [run(16, 20, 0.5)], () => null)).toEqual([]);
    expect(adviseCurtailment([s19], [run(16, 20, 0)], measured)).toEqual([]);
    expect(adviseCurtailment([{ ...s19, hashrateThs: 0 }], [run(16, 20, 0.5)], measured)).toEqual([]);
  });
});

describe('windowRuns', () => {
  it('joins consecutive slots of one window and rate', () => {
    const slot = (h: number, window: PricedSlot['window'], rate: number): PricedSlot => ({ start: new Date(T0 + h * H), tariffId: 't', window, rateMcPerKwh: rate });
    const runs = windowRuns([slot(0, 'off_peak', 5000), slot(1, 'off_peak', 5000), slot(2, 'peak', 12000), slot(3, 'off_peak', 5000)], H);
    expect(runs.map((r) => [r.window, (r.end.getTime() - r.start.getTime()) / H])).toEqual([['off_peak', 2], ['peak', 1], ['off_peak', 1]]);
  });
  it('cuts a run at UTC midnight, where the forecast day changes', () => {
    const slots = [22, 23, 24, 25].map((h): PricedSlot => ({ start: new Date(T0 + h * H), tariffId: 't', window: 'flat', rateMcPerKwh: 5000 }));
    expect(windowRuns(slots, H).map((r) => r.start.toISOString())).toEqual(['2026-12-08T22:00:00.000Z', '2026-12-09T00:00:00.000Z']);
  });
});
