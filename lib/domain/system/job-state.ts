/** A scheduled function's health against its schedule (computed by lib/system/job-health.ts). */
export type JobHealth = {
  functionId: string;
  /** The newest tick that should have started by now (with grace), or null for an event-only function. */
  dueTick: Date | null;
  /** Start delay of the latest cron run against its tick (ms). */
  lagMs: number | null;
  /**
   * ok · late (its due tick has no run) · never (due since the scheduler started, and no run at all) ·
   * waiting (never run, and no tick has come since the scheduler started) · failed (latest run) ·
   * running · event (no schedule)
   */
  state: 'ok' | 'late' | 'never' | 'waiting' | 'failed' | 'running' | 'event';
  /** How far the due tick's run is overdue (ms), when late or never. */
  overdueMs: number | null;
};
