import { dependencyInjectionMiddleware, Inngest } from 'inngest';
import { env } from '@/lib/env';
import type { JobDeps } from './deps';
import { StacklessErrors } from './stackless-errors';

/**
 * The Inngest client whose functions find `deps` in their context. Mode and signing key are
 * getters: the SDK reads its options on every request, so lib/env is consulted at the first one,
 * not when `next build` loads this module without the runtime secrets. `isDev` is always a
 * boolean, so the SDK never picks a mode from the environment on its own.
 */
export function createInngest(deps: JobDeps) {
  return new Inngest({
    id: 'hashinsight',
    get isDev() {
      return env().inngest.isDev;
    },
    get signingKey() {
      return env().inngest.signingKey;
    },
    middleware: [StacklessErrors, dependencyInjectionMiddleware(deps)],
  });
}

export type JobsClient = ReturnType<typeof createInngest>;
