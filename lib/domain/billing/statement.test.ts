import { describe, expect, it } from 'vitest';
import { buildStatement } from './statement';

describe('buildStatement', () => {
  it('orders by time, keeps a running balance and splits charges from credits (hand-checked: 100 + 50 − 30 − 200 = −80)', () => {
    const s = buildStatement(100, [
      { at: new Date('2026-04-03'), kind: 'payment', reference: 'W', cents: -30 },
      { at: new Date('2026-04-01'), kind: 'invoice', reference: 'INV', cents: 50 },
      { at: new Date('2026-04-05'), kind: 'deposit', reference: null, cents: -200 },
    ]);
    expect(s.movements.map((m) => m.balanceCents)).toEqual([150, 120, -80]);
    expect([s.chargesCents, s.creditsCents, s.closingCents]).toEqual([50, 230, -80]);
  });
  it('no movements: closing is the opening', () => expect(buildStatement(-5, [])).toMatchObject({ closingCents: -5, chargesCents: 0, creditsCents: 0 }));
});
