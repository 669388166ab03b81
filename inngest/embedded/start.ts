import type { Env } from '@/lib/env';
import type { JobDeps } from '../deps';
import { createEmbeddedScheduler, type EmbeddedScheduler, type EmbeddedSchedulerOptions } from './scheduler';

/**
 * The embedded scheduler for this configuration, or null when it is not the app's to run the jobs:
 * an Inngest server is configured (dev server, self-hosted, cloud), or JOBS_EMBEDDED=false.
 */
export function embeddedSchedulerFor(e: Env, deps: JobDeps, options: Omit<EmbeddedSchedulerOptions, 'deps' | 'signingKey'> = {}): EmbeddedScheduler | null {
  if (e.jobs.runner !== 'embedded' || !e.inngest.signingKey) return null;
  return createEmbeddedScheduler({ ...options, deps, signingKey: e.inngest.signingKey });
}

// One per process, also across dev-server reloads (like the database handle in db/index.ts).
const holder = globalThis as unknown as { __hiJobs?: EmbeddedScheduler | null };

/** Starts the app's scheduler once, on the app's own dependencies; says which runner has the jobs. */
export async function startEmbeddedJobs(e: Env, deps: () => Promise<JobDeps>): Promise<void> {
  if (holder.__hiJobs !== undefined) return;
  holder.__hiJobs = embeddedSchedulerFor(e, await deps());
  holder.__hiJobs?.start();
  const runner = { embedded: 'in this process (no Inngest server configured)', inngest: 'by the configured Inngest server', off: 'nowhere here (JOBS_EMBEDDED=false)' }[e.jobs.runner];
  console.log(`[startup] scheduled jobs run ${runner}`);
}
