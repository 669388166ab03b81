import { describe, expect, it } from 'vitest';
import { adjacentStage, checkMove, moveStamps } from './pipeline';

describe('checkMove', () => {
  const at = { stage: 'proposal' as const, version: 3 };
  it.each([
    ['a move from what the page saw', at, 'negotiation', null, null],
    ['a page that saw an older version', { ...at, version: 2 }, 'negotiation', null, 'stale'],
    ['a page that saw another stage', { stage: 'qualified' as const, version: 3 }, 'negotiation', null, 'stale'],
    ['onto its own column', at, 'proposal', null, 'same'],
    ['lost without a reason', at, 'lost', null, 'reason'],
    ['lost with a reason', at, 'lost', 'price', null],
    ['won without a reason', at, 'won', null, null],
  ] as const)('%s', (_name, seen, to, reason, expected) => {
    expect(checkMove(at, seen, to, reason)).toBe(expected);
  });
});

describe('moveStamps', () => {
  const now = new Date('2026-12-06T12:00:00Z');
  it('closing stamps the time and keeps the reason; reopening clears both', () => {
    expect(moveStamps('lost', 'price', now)).toEqual({ closedAt: now, closeReason: 'price' });
    expect(moveStamps('won', null, now)).toEqual({ closedAt: now, closeReason: null });
    expect(moveStamps('negotiation', 'price', now)).toEqual({ closedAt: null, closeReason: null });
  });
});

describe('adjacentStage', () => {
  it.each([
    ['prospect', -1, null],
    ['prospect', 1, 'qualified'],
    ['won', 1, 'lost'],
    ['lost', 1, null],
  ] as const)('%s %d → %s', (from, step, to) => expect(adjacentStage(from, step)).toBe(to));
});
