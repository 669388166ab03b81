import type { AlertKind } from '../telemetry/alert-rules';

/**
 * How urgent an alert is. Only critical alerts escalate to the second contact when nobody
 * acknowledges them. The database enum and the rule form read this list.
 */
export const ALERT_SEVERITIES = ['critical', 'warning', 'info'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** A new edge rule's severity unless its author picks another: a machine that stops or overheats is critical. */
export const DEFAULT_EDGE_SEVERITY: Record<AlertKind, AlertSeverity> = {
  OFFLINE: 'critical',
  TEMP_HIGH: 'critical',
  FAN_FAILURE: 'critical',
  HASHRATE_LOW: 'warning',
  REJECT_RATE_HIGH: 'warning',
  ANOMALY: 'warning',
};

export const POOL_ALERT_KINDS = ['worker_offline', 'low_hashrate', 'api_failure', 'budget_warning'] as const;
export type PoolAlertKind = (typeof POOL_ALERT_KINDS)[number];

/** Pool alerts have no rules to carry a severity: a worker that stopped or a pool we cannot read is critical. */
export const POOL_SEVERITY: Record<PoolAlertKind, AlertSeverity> = {
  worker_offline: 'critical',
  api_failure: 'critical',
  low_hashrate: 'warning',
  budget_warning: 'warning',
};
