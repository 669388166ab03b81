import { BATCH_MAX_AGE_MS, ERROR_RATE_MAX_PCT, LINK_RATE_MIN_PCT, type SyncIssue } from '@/lib/domain/crm/sync-health';

/** One sync-health issue's message (`CrmSync.issue.<code>`) and the seed's threshold it names. */
export function syncIssueMessage(issue: SyncIssue) {
  return { key: `issue.${issue}` as const, values: { pct: issue === 'LOW_LINK_RATE' ? LINK_RATE_MIN_PCT : ERROR_RATE_MAX_PCT, hours: BATCH_MAX_AGE_MS / 3_600_000 } };
}
