import { describe, expect, it } from 'vitest';
import { taskReminderKey, taskReminderStage } from './task-reminder';

const due = new Date('2026-04-10T12:00:00Z');
describe('taskReminderStage', () => {
  it.each([
    ['2026-04-10T10:59:59Z', null],
    ['2026-04-10T11:00:00Z', 'due'],
    ['2026-04-10T11:59:59Z', 'due'],
    ['2026-04-10T12:00:00Z', 'overdue'],
    ['2026-04-17T12:00:00Z', 'overdue'],
    ['2026-04-17T12:00:01Z', null],
  ])('at %s → %s', (now, stage) => expect(taskReminderStage(due, new Date(now))).toBe(stage));
  it('a moved due time is a new key', () => expect(taskReminderKey('t', 'due', due)).not.toBe(taskReminderKey('t', 'due', new Date('2026-04-11T12:00:00Z'))));
});
