import { describe, expect, it } from 'vitest';
import { isOverdue, slaDueAt } from './ticket-sla';

const created = new Date('2026-03-01T10:00:00Z');

describe('slaDueAt', () => {
  it.each([
    ['urgent', '2026-03-01T14:00:00.000Z'],
    ['high', '2026-03-01T18:00:00.000Z'],
    ['normal', '2026-03-02T10:00:00.000Z'],
    ['low', '2026-03-04T10:00:00.000Z'],
  ] as const)('%s → %s', (priority, due) => {
    expect(slaDueAt(priority, created).toISOString()).toBe(due);
  });
});

describe('isOverdue', () => {
  const due = new Date('2026-03-01T14:00:00Z');
  it.each([
    ['open', '2026-03-01T14:00:01Z', true],
    ['in_progress', '2026-03-02T00:00:00Z', true],
    ['open', '2026-03-01T14:00:00Z', false],
    ['open', '2026-03-01T13:59:59Z', false],
    ['resolved', '2026-03-09T00:00:00Z', false],
    ['closed', '2026-03-09T00:00:00Z', false],
  ])('%s at %s → %s', (status, now, overdue) => {
    expect(isOverdue({ status, slaDueAt: due }, new Date(now))).toBe(overdue);
  });
});
