export const ACTIVITY_KINDS = ['call', 'meeting', 'email', 'task'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** A task not done by its due time. Calls, meetings and e-mails are records of what happened, never overdue. */
export function isOverdueTask(a: { kind: ActivityKind; dueAt: Date | null; completedAt: Date | null }, now: Date): boolean {
  return a.kind === 'task' && a.completedAt === null && a.dueAt !== null && a.dueAt.getTime() < now.getTime();
}
