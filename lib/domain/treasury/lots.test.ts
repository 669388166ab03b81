import { describe, expect, it } from 'vitest';
import { averageCostCentsPerBtc, averageCostLots, fifoLots, type LotEvent, unrealisedPnlCents } from './lots';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

/*
 * Hand-worked example. Lot A: 1 BTC mined in January at a cost of $30,000 (3,000,000 ¢). Lot B:
 * 0.5 BTC in February costing $20,000 ($40,000 a BTC). 1 March: 1.2 BTC sold for $60,000 net.
 *   FIFO: all of A (3,000,000 ¢) + 0.2 of B's 0.5 (2,000,000 × 0.2 ÷ 0.5 = 800,000 ¢) = 3,800,000 ¢;
 *         realised 6,000,000 − 3,800,000 = 2,200,000 ¢; left 0.3 BTC of B costing 1,200,000 ¢.
 *   Average: 1.5 BTC for 5,000,000 ¢; 1.2 BTC cost 5,000,000 × 1.2 ÷ 1.5 = 4,000,000 ¢;
 *         realised 2,000,000 ¢; left 0.3 BTC costing 1,000,000 ¢ (3,333,333 ¢ a BTC).
 *   At $50,000 a BTC the 0.3 BTC is worth 1,500,000 ¢: unrealised FIFO 300,000 ¢, average 500,000 ¢.
 */
const example: LotEvent[] = [
  { type: 'dispose', entryId: 3, at: d('2026-03-01'), sats: 120_000_000, proceedsCents: 6_000_000 },
  { type: 'acquire', entryId: 1, at: d('2026-01-10'), sats: 100_000_000, costCents: 3_000_000 },
  { type: 'acquire', entryId: 2, at: d('2026-02-10'), sats: 50_000_000, costCents: 2_000_000 },
];

describe('FIFO and average cost (hand-worked)', () => {
  it('FIFO takes the oldest lots first', () => {
    const r = fifoLots(example);
    expect(r.disposals[0]).toMatchObject({ costCents: 3_800_000, pnlCents: 2_200_000, unmatchedSats: 0 });
    expect(r.lots).toEqual([{ entryId: 2, acquiredAt: d('2026-02-10'), originalSats: 50_000_000, sats: 30_000_000, costCents: 1_200_000 }]);
    expect(r.realisedPnlCents).toBe(2_200_000);
    expect(unrealisedPnlCents(r, 5_000_000)).toBe(300_000);
  });

  it('average cost takes the pool at its mean cost', () => {
    const r = averageCostLots(example);
    expect(r.disposals[0]).toMatchObject({ costCents: 4_000_000, pnlCents: 2_000_000 });
    expect(r.holdingsSats).toBe(30_000_000);
    expect(r.costCents).toBe(1_000_000);
    expect(averageCostCentsPerBtc(r)).toBe(3_333_333);
    expect(unrealisedPnlCents(r, 5_000_000)).toBe(500_000);
  });

  it('splits a lot’s cents exactly: 3 sats for 10 ¢ sold one at a time cost 3 + 4 + 3', () => {
    const events: LotEvent[] = [
      { type: 'acquire', entryId: 1, at: d('2026-01-01'), sats: 3, costCents: 10 },
      ...[2, 3, 4].map((id) => ({ type: 'dispose' as const, entryId: id, at: d(`2026-01-0${id}`), sats: 1, proceedsCents: 5 })),
    ];
    expect(fifoLots(events).disposals.map((x) => x.costCents)).toEqual([3, 4, 3]);
    expect(averageCostLots(events).disposals.map((x) => x.costCents)).toEqual([3, 4, 3]);
  });

  it('a lot without a production cost carries no P&L, and is counted apart', () => {
    const events: LotEvent[] = [
      { type: 'acquire', entryId: 1, at: d('2026-01-01'), sats: 100, costCents: null },
      { type: 'acquire', entryId: 2, at: d('2026-01-02'), sats: 100, costCents: 50 },
      { type: 'dispose', entryId: 3, at: d('2026-01-03'), sats: 150, proceedsCents: 300 },
    ];
    const f = fifoLots(events);
    // 100 unknown + 50 of lot 2 (25 ¢); proceeds split 200 / 100 → P&L 100 − 25 = 75.
    expect(f.disposals[0]).toMatchObject({ unknownCostSats: 100, costCents: 25, pnlCents: 75 });
    expect(f).toMatchObject({ holdingsSats: 50, knownCostSats: 50, costCents: 25, unknownCostSats: 0 });
    const a = averageCostLots(events);
    // Half the pool unknown: 75 unknown + 75 known (50 × 75 ÷ 100 = 38 ¢ rounded); proceeds 150 each → 150 − 38.
    expect(a.disposals[0]).toMatchObject({ unknownCostSats: 75, costCents: 38, pnlCents: 112 });
    expect(a).toMatchObject({ holdingsSats: 50, knownCostSats: 25, costCents: 12, unknownCostSats: 25 });
  });

  it('reports sats disposed beyond the holdings as unmatched', () => {
    const r = fifoLots([{ type: 'dispose', entryId: 1, at: d('2026-01-01'), sats: 10, proceedsCents: 10 }]);
    expect(r.disposals[0]).toMatchObject({ unmatchedSats: 10, costCents: 0, pnlCents: 0 });
  });
});
