import { Cron } from 'croner';
import type { JobHealth } from '@/lib/domain/system/job-state';

export type JobFacts = {
  functionId: string;
  crons: string[];
  /** The latest run's tick (cron runs only) and when that run started and ended. */
  lastScheduledFor: Date | null;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastOutcome: string | null;
};

export type { JobHealth };

/** A tick may start this late before it counts as missed: the embedded scheduler looks at the clock every few seconds. */
export const GRACE_MS = 2 * 60_000;

/**
 * A function's health against its schedule (croner reads the expressions as Inngest does: UTC,
 * five fields). The due tick is the latest tick at or before now − GRACE_MS; a function whose latest
 * cron run is for an earlier tick is late by now − due tick. A failed or running latest run is
 * reported as such (a running one is not late). `since` is when the scheduler started (this process):
 * a function that has never run is only overdue for a tick since then — the scheduler does not run
 * ticks from before its start, so on a fresh installation a daily job is *waiting*, not 20 h late.
 */
export function jobHealth(f: JobFacts, now: Date, since: Date | null = null): JobHealth {
  const ticks = f.crons.flatMap((expr) => new Cron(expr, { timezone: 'UTC', paused: true }).previousRuns(1, new Date(now.getTime() - GRACE_MS)));
  const dueTick = ticks.length ? new Date(Math.max(...ticks.map((t) => t.getTime()))) : null;
  const lagMs = f.lastScheduledFor && f.lastStartedAt ? Math.max(0, f.lastStartedAt.getTime() - f.lastScheduledFor.getTime()) : null;
  const base = { functionId: f.functionId, dueTick, lagMs };
  if (f.lastStartedAt && !f.lastFinishedAt) return { ...base, state: 'running', overdueMs: null };
  if (!dueTick) return { ...base, state: f.lastOutcome === 'failed' ? 'failed' : 'event', overdueMs: null };
  if (!f.lastScheduledFor) {
    if (since && dueTick.getTime() < since.getTime()) return { ...base, state: 'waiting', overdueMs: null };
    return { ...base, state: 'never', overdueMs: now.getTime() - dueTick.getTime() };
  }
  if (f.lastScheduledFor.getTime() < dueTick.getTime()) return { ...base, state: 'late', overdueMs: now.getTime() - dueTick.getTime() };
  return { ...base, state: f.lastOutcome === 'failed' ? 'failed' : 'ok', overdueMs: null };
}
