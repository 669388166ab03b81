/**
 * Which reminder an open task is owed at `now`: 'due' from an hour before its due time until it is
 * due, 'overdue' once it is past due — for a week; an older overdue task is not reminded (the first
 * run after a long pause would otherwise flood its owner with stale tasks). Each (task, stage, due
 * time) is sent once: a task moved to a new due time is reminded again.
 */
export const DUE_SOON_MS = 60 * 60 * 1000;
export const OVERDUE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export type TaskReminderStage = 'due' | 'overdue';

export function taskReminderStage(dueAt: Date, now: Date): TaskReminderStage | null {
  const left = dueAt.getTime() - now.getTime();
  if (left > DUE_SOON_MS) return null;
  if (left > 0) return 'due';
  return -left <= OVERDUE_WINDOW_MS ? 'overdue' : null;
}

export const taskReminderKey = (taskId: string, stage: TaskReminderStage, dueAt: Date) => `crm-task:${taskId}:${stage}:${dueAt.toISOString()}`;
