import type { AlertKind } from '../telemetry/alert-rules';
import type { PoolAlertKind } from './severity';

/** The one-click fixes an alert offers; each is queued through the miner command queue. */
export type FixCommand = 'REBOOT' | 'WAKE' | 'SLEEP';

/**
 * Which commands fit an alert: a sleeping machine is woken whatever the rule; a hung one (stopped,
 * or hashing far below its nominal rate) is rebooted; an overheating one or one with a dead fan is
 * put to sleep before it damages its boards. A high reject rate is a pool or network matter a
 * reboot does not cure, and account-level pool alerts have no machine: nothing is offered.
 */
export function fixesFor(kind: AlertKind | PoolAlertKind, minerState: string | null): FixCommand[] {
  if (minerState === 'sleeping') return ['WAKE'];
  switch (kind) {
    case 'OFFLINE':
    case 'HASHRATE_LOW':
    case 'worker_offline':
    case 'low_hashrate':
      return ['REBOOT'];
    case 'TEMP_HIGH':
    case 'FAN_FAILURE':
      return ['SLEEP'];
    default:
      return [];
  }
}
