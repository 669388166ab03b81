import { describe, expect, it } from 'vitest';
import { canTransition, nextStatuses, TICKET_STATUSES, transitionStamps } from './ticket-status';

describe('canTransition', () => {
  const allowed = new Set(['open>in_progress', 'in_progress>resolved', 'resolved>closed', 'resolved>open']);
  for (const from of TICKET_STATUSES)
    for (const to of TICKET_STATUSES)
      it(`staff ${from} → ${to}: ${allowed.has(`${from}>${to}`)}`, () => {
        expect(canTransition(from, to, 'staff')).toBe(allowed.has(`${from}>${to}`));
      });

  it.each([
    ['open', 'in_progress', false],
    ['in_progress', 'resolved', false],
    ['resolved', 'closed', true],
    ['resolved', 'open', true],
    ['closed', 'open', false],
  ] as const)('customer %s → %s: %s', (from, to, ok) => {
    expect(canTransition(from, to, 'customer')).toBe(ok);
  });

  it('closed is final for everyone', () => {
    expect(nextStatuses('closed', 'staff')).toEqual([]);
    expect(nextStatuses('closed', 'customer')).toEqual([]);
  });
});

describe('transitionStamps', () => {
  const now = new Date('2026-03-01T10:00:00Z');
  it.each([
    ['resolved', { resolvedAt: now, restartSla: false }],
    ['closed', { closedAt: now, restartSla: false }],
    ['open', { resolvedAt: null, closedAt: null, restartSla: true }],
    ['in_progress', { restartSla: false }],
  ] as const)('%s', (to, stamps) => {
    expect(transitionStamps(to, now)).toEqual(stamps);
  });
});
