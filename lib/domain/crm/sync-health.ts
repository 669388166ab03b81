/*
 * Seed 002's monitoring of the CRM↔hosting sync: the link rate, the age of the last batch and the
 * error rate of recent operations, against its recommended alerts (link rate below 20 %, errors above
 * 5 % of operations, last batch older than 24 h). Pure: the counts come from one query.
 */

export const LINK_RATE_MIN_PCT = 20;
export const ERROR_RATE_MAX_PCT = 5;
export const BATCH_MAX_AGE_MS = 24 * 3_600_000;
/** How far back the error rate looks. */
export const ERROR_WINDOW_MS = 7 * 24 * 3_600_000;

export type SyncIssue = 'LOW_LINK_RATE' | 'HIGH_ERROR_RATE' | 'STALE_BATCH' | 'NEVER_SYNCED';
export type SyncHealth = 'healthy' | 'warning';

export type SyncCounts = {
  totalCustomers: number;
  linkedCustomers: number;
  /** The newest batch's end, or null when none ever ran. */
  lastBatchAt: Date | null;
  /** Per-customer operations in the error window: synced and failed. */
  operations: number;
  errors: number;
};

export type SyncStatus = {
  linkRatePct: number;
  errorRatePct: number | null;
  lastBatchAgeMs: number | null;
  health: SyncHealth;
  issues: SyncIssue[];
};

export function syncStatus(c: SyncCounts, now: Date): SyncStatus {
  const linkRatePct = c.totalCustomers ? Math.round((1000 * c.linkedCustomers) / c.totalCustomers) / 10 : 0;
  const errorRatePct = c.operations ? Math.round((1000 * c.errors) / c.operations) / 10 : null;
  const lastBatchAgeMs = c.lastBatchAt ? now.getTime() - c.lastBatchAt.getTime() : null;
  const issues: SyncIssue[] = [];
  // An organization without customers has nothing to link: no link-rate alarm.
  if (c.totalCustomers > 0 && linkRatePct < LINK_RATE_MIN_PCT) issues.push('LOW_LINK_RATE');
  if (errorRatePct !== null && errorRatePct > ERROR_RATE_MAX_PCT) issues.push('HIGH_ERROR_RATE');
  if (lastBatchAgeMs === null) issues.push('NEVER_SYNCED');
  else if (lastBatchAgeMs > BATCH_MAX_AGE_MS) issues.push('STALE_BATCH');
  return { linkRatePct, errorRatePct, lastBatchAgeMs, health: issues.length ? 'warning' : 'healthy', issues };
}
