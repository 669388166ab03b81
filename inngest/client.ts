import { dependencyInjectionMiddleware, Inngest } from 'inngest';
import { env } from '@/lib/env';
import type { JobDeps } from './deps';
import { type LocalEvent, localEventsMiddleware } from './embedded/local-events';
import { StacklessErrors } from './stackless-errors';

export type JobsOptions = { localEvents?: (events: LocalEvent[]) => void };

/**
 * The Inngest client whose functions find `deps` in their context. Mode and signing key are
 * getters: the SDK reads its options on every request, so lib/env is consulted at the first one,
 * not when `next build` loads this module without the runtime secrets. `isDev` is always a
 * boolean, so the SDK never picks a mode from the environment on its own.
 *
 * `localEvents` (the embedded scheduler, when no Inngest server is configured) takes the events the
 * functions send instead of an Inngest server; the event key is then only a placeholder the SDK asks
 * for before it lets the middleware answer, and is never sent anywhere.
 */
export function createInngest(deps: JobDeps, options: JobsOptions = {}) {
  const local = options.localEvents;
  return new Inngest({
    id: 'hashinsight',
    ...(local ? { eventKey: 'embedded-local-events' } : {}),
    get isDev() {
      return env().inngest.isDev;
    },
    get signingKey() {
      return env().inngest.signingKey;
    },
    middleware: [StacklessErrors, dependencyInjectionMiddleware(deps), ...(local ? [localEventsMiddleware(local)] : [])],
  });
}

export type JobsClient = ReturnType<typeof createInngest>;
