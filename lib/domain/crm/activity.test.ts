import { describe, expect, it } from 'vitest';
import { isOverdueTask } from './activity';

const now = new Date('2026-12-06T12:00:00Z');
const past = new Date('2026-12-06T11:59:00Z');
const future = new Date('2026-12-06T12:01:00Z');

describe('isOverdueTask', () => {
  it.each([
    ['an open task past due', { kind: 'task', dueAt: past, completedAt: null }, true],
    ['an open task due later', { kind: 'task', dueAt: future, completedAt: null }, false],
    ['a done task past due', { kind: 'task', dueAt: past, completedAt: now }, false],
    ['a task with no due time', { kind: 'task', dueAt: null, completedAt: null }, false],
    ['a call is never overdue', { kind: 'call', dueAt: past, completedAt: null }, false],
  ] as const)('%s', (_name, a, expected) => expect(isOverdueTask(a, now)).toBe(expected));
});
