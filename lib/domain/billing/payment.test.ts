import { describe, expect, it } from 'vitest';
import { allocateOldestFirst, coinCents, reminderStage } from './payment';

describe('payments', () => {
  it('coin → USD cents at the rate used', () => {
    expect(coinCents('btc', 1_234_567, 9_712_345)).toBe(119_905); // 0.01234567 BTC × $97,123.45 = $1,199.054…
    expect(coinCents('usdt', 250_000_000, 100)).toBe(25_000);
  });
  it('oldest due first, never more than each owes; the rest is the remainder', () => {
    const open = [
      { id: 'b', dueCents: 5_000, dueDate: '2026-05-15', seq: 2 },
      { id: 'a', dueCents: 3_000, dueDate: '2026-04-15', seq: 1 },
      { id: 'c', dueCents: 2_000, dueDate: '2026-05-15', seq: 3 },
    ];
    expect(allocateOldestFirst(open, 6_000)).toEqual({ allocations: [{ invoiceId: 'a', cents: 3_000 }, { invoiceId: 'b', cents: 3_000 }], remainderCents: 0 });
    expect(allocateOldestFirst(open, 11_000).remainderCents).toBe(1_000);
  });
  it.each([
    ['2026-05-15', 0],
    ['2026-05-16', 1],
    ['2026-05-22', 2],
    ['2026-06-14', 3],
  ] as const)('reminder on %s: stage %i', (today, stage) => expect(reminderStage('2026-05-15', today)).toBe(stage));
});
