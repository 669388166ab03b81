import type { JobDeps } from './deps';
import { createJobs } from './index';
import { type JobSchedule, schedulesOf } from './triggers';

export type { JobSchedule };

/**
 * Every function's id and triggers, so the monitoring page lists a function that has never run and
 * knows when each was due. The functions are built on an empty context that is never used: listing
 * them runs none of them.
 */
export function jobSchedules(): JobSchedule[] {
  return schedulesOf(createJobs({} as JobDeps).functions);
}
