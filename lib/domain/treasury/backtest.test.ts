import { describe, expect, it } from 'vitest';
import { type BacktestDay, compareStrategies, runBacktest, twapCentsPerBtc } from './backtest';
import { DEFAULT_PARAMS, STRATEGY_KINDS } from './strategies';

/*
 * Tiny series worked by hand. Unless a case says otherwise: each day mines 100,000 sats and costs
 * 2,000 ¢; the run starts with 0 BTC and 100,000 ¢ cash; no fee, no slippage. 5,000,000 ¢ = $50,000.
 */
const P = 5_000_000;
const day = (d: string, close = P, extra: Partial<BacktestDay> = {}): BacktestDay => ({ day: d, closeCentsPerBtc: close, producedSats: 100_000, costsCents: 2_000, hashpriceUsdPerPhDay: null, ...extra });
const start = { btcSats: 0, cashCents: 100_000 };
const free = { feeBps: 0, slippageBps: 0 };

describe('hold', () => {
  it('keeps every sat and marks it at the close', () => {
    // Day 1: 100,000 sats, cash 98,000, equity 98,000 + 100,000 · 5e6 / 1e8 = 103,000.
    // Day 2: 200,000 sats at $60,000: 96,000 + 12,000 = 108,000. Day 3: 300,000 at $40,000: 94,000 + 12,000 = 106,000.
    const r = runBacktest(DEFAULT_PARAMS.hold, [day('2024-01-01'), day('2024-01-02', 6_000_000), day('2024-01-03', 4_000_000)], start, free);
    expect(r.trades).toEqual([]);
    expect(r.btcSats).toEqual([100_000, 200_000, 300_000]);
    expect(r.cashCents).toEqual([98_000, 96_000, 94_000]);
    expect(r.equityCents).toEqual([103_000, 108_000, 106_000]);
    expect(r.metrics.totalReturn).toBeCloseTo(0.06, 10);
    expect(r.metrics.maxDrawdown).toBeCloseTo(2_000 / 108_000, 10);
    expect(r.avgSellCentsPerBtc).toBeNull();
  });
});

describe('DCA sell, fixed BTC', () => {
  it('sells on the first day and on each Monday, with fee and slippage', () => {
    // 2024-01-06 is a Saturday (first day: fires), 01-08 a Monday (fires). 50,000 sats each at
    // $50,000 with 0.2 % slippage and 0.1 % fee: fill 4,990,000 ¢, gross 2,495 ¢, fee 3 ¢, net 2,492 ¢.
    const days = ['2024-01-06', '2024-01-07', '2024-01-08', '2024-01-09'].map((d) => day(d));
    const r = runBacktest({ kind: 'dcaBtc', sats: 50_000, every: 'week' }, days, start, { feeBps: 10, slippageBps: 20 });
    expect(r.trades.map((t) => [t.day, t.sats, t.netCents, t.feeCents])).toEqual([
      ['2024-01-06', 50_000, 2_492, 3],
      ['2024-01-08', 50_000, 2_492, 3],
    ]);
    // BTC: 100k − 50k = 50k; +100k = 150k; +100k − 50k = 200k; +100k = 300k.
    expect(r.btcSats).toEqual([50_000, 150_000, 200_000, 300_000]);
    // Cash: 98,000 + 2,492 = 100,492; 98,492; 96,492 + 2,492 = 98,984; 96,984.
    expect(r.cashCents).toEqual([100_492, 98_492, 98_984, 96_984]);
    expect(r.feeCents).toBe(6);
    expect(r.avgSellCentsPerBtc).toBe(4_990_000);
  });

  it('never sells more than it holds', () => {
    const r = runBacktest({ kind: 'dcaBtc', sats: 1_000_000, every: 'day' }, [day('2024-01-01'), day('2024-01-02')], start, free);
    expect(r.trades.map((t) => t.sats)).toEqual([100_000, 100_000]);
    expect(r.btcSats).toEqual([0, 0]);
  });
});

describe('DCA sell, fixed USD', () => {
  it('sells what nets $30 on the first day and on the 1st of each month', () => {
    // 01-30 (first day) at $50,000: ⌈3,000 · 1e8 / 5e6⌉ = 60,000 sats. 02-01 at $60,000: 50,000 sats.
    const r = runBacktest({ kind: 'dcaUsd', cents: 3_000, every: 'month' }, [day('2024-01-30'), day('2024-01-31'), day('2024-02-01', 6_000_000)], start, free);
    expect(r.trades.map((t) => [t.day, t.sats, t.netCents])).toEqual([
      ['2024-01-30', 60_000, 3_000],
      ['2024-02-01', 50_000, 3_000],
    ]);
    // BTC 40k, 140k, 190k; sold 110,000 sats for 6,000 ¢: average 6,000 · 1e8 / 110,000 = 5,454,545 ¢.
    expect(r.btcSats).toEqual([40_000, 140_000, 190_000]);
    expect(r.avgSellCentsPerBtc).toBe(5_454_545);
  });
});

describe('cover opex', () => {
  it("sells the month's costs plus 10 % on the month's last day and on the series' last", () => {
    // January holds 01-30 and 01-31: 4,000 ¢ + 10 % = 4,400 ¢ at $50,000 = 88,000 sats on 01-31.
    // February so far 02-01 and 02-02 (the last day) at $40,000: 4,400 ¢ = 110,000 sats.
    const days = [day('2024-01-30'), day('2024-01-31'), day('2024-02-01', 4_000_000), day('2024-02-02', 4_000_000)];
    const r = runBacktest({ kind: 'coverOpex', bufferBps: 1_000 }, days, start, free);
    expect(r.trades.map((t) => [t.day, t.sats, t.netCents])).toEqual([
      ['2024-01-31', 88_000, 4_400],
      ['2024-02-02', 110_000, 4_400],
    ]);
    // Cash after the January sale: 100,000 − 4,000 + 4,400 = 100,400; after February's: 100,800.
    expect(r.cashCents).toEqual([98_000, 100_400, 98_400, 100_800]);
    expect(r.btcSats).toEqual([100_000, 112_000, 212_000, 202_000]);
  });
});

describe('price-target ladder', () => {
  it('fires each rung once, the first day the close reaches it', () => {
    // Rungs $55,000 (10 %) and $58,000 (20 %). Day 2 closes at $60,000 with 200,000 sats held:
    // rung 1 sells 20,000, rung 2 sells 20 % of the 180,000 left = 36,000. Day 3 at $60,000: nothing.
    const p = { kind: 'priceLadder' as const, rungs: [{ priceCents: 5_800_000, sellBps: 2_000 }, { priceCents: 5_500_000, sellBps: 1_000 }] };
    const r = runBacktest(p, [day('2024-01-01'), day('2024-01-02', 6_000_000), day('2024-01-03', 6_000_000)], start, free);
    expect(r.trades.map((t) => [t.day, t.sats, t.netCents])).toEqual([
      ['2024-01-02', 20_000, 1_200],
      ['2024-01-02', 36_000, 2_160],
    ]);
    expect(r.btcSats).toEqual([100_000, 144_000, 244_000]);
  });
});

describe('layered above cost basis', () => {
  it('sells a layer when the close clears cost basis · (1 + markup), once a month', () => {
    // Cost basis = costs · 1e8 / sats mined = 2,000 · 1e8 / 100,000 = 2,000,000 ¢ every day here.
    // Layer 1: +100 % → 4,000,000 ¢, sells 25 %; layer 2: +200 % → 6,000,000 ¢ (never reached).
    // 01-31 at $50,000: sells 25,000 of 100,000. 02-01 at $30,000: below. 02-02 at $50,000, a new
    // month: 75,000 + 200,000 = 275,000 held, sells 68,750.
    const p = { kind: 'aboveCost' as const, layers: [{ markupBps: 10_000, sellBps: 2_500 }, { markupBps: 20_000, sellBps: 5_000 }] };
    const r = runBacktest(p, [day('2024-01-31'), day('2024-02-01', 3_000_000), day('2024-02-02'), day('2024-02-03')], start, free);
    expect(r.trades.map((t) => [t.day, t.sats])).toEqual([
      ['2024-01-31', 25_000],
      ['2024-02-02', 68_750],
    ]);
    // 02-03: layer 1 already used in February, so nothing.
    expect(r.btcSats.at(-1)).toBe(75_000 + 100_000 + 100_000 - 68_750 + 100_000);
  });
});

describe('hashprice-triggered', () => {
  it("sells half the day's production on days the hashprice is above $50/PH/day", () => {
    const days = [day('2024-01-01', P, { hashpriceUsdPerPhDay: 40 }), day('2024-01-02', P, { hashpriceUsdPerPhDay: 60 }), day('2024-01-03', P, { hashpriceUsdPerPhDay: 55 }), day('2024-01-04', P, { hashpriceUsdPerPhDay: null })];
    const r = runBacktest({ kind: 'hashprice', thresholdUsdPerPhDay: 50, direction: 'above', sellBps: 5_000 }, days, start, free);
    expect(r.trades.map((t) => [t.day, t.sats, t.netCents])).toEqual([
      ['2024-01-02', 50_000, 2_500],
      ['2024-01-03', 50_000, 2_500],
    ]);
    const below = runBacktest({ kind: 'hashprice', thresholdUsdPerPhDay: 50, direction: 'below', sellBps: 10_000 }, days, start, free);
    expect(below.trades.map((t) => [t.day, t.sats])).toEqual([['2024-01-01', 100_000]]);
  });
});

describe('comparison', () => {
  it('runs every template over the same days, and every default one trades on a busy series', () => {
    // Five days from a Monday, the 1st of a month, with a close above every default rung and layer.
    const days = ['2024-07-01', '2024-07-02', '2024-07-03', '2024-07-04', '2024-07-05'].map((d) => day(d, 13_000_000, { hashpriceUsdPerPhDay: 60 }));
    const runs = compareStrategies(STRATEGY_KINDS.map((k) => DEFAULT_PARAMS[k]), days, { btcSats: 10_000_000, cashCents: 0 }, free);
    expect(runs.map((r) => r.params.kind)).toEqual([...STRATEGY_KINDS]);
    for (const r of runs) expect(r.trades.length > 0, r.params.kind).toBe(r.params.kind !== 'hold');
  });

  it('averages the closes for the TWAP', () => {
    expect(twapCentsPerBtc([day('2024-01-01', 5_000_000), day('2024-01-02', 6_000_001)])).toBe(5_500_001);
    expect(twapCentsPerBtc([])).toBeNull();
  });
});
