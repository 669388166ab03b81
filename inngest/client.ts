import { Inngest } from 'inngest';
import { env } from '@/lib/env';
import { StacklessErrors } from './stackless-errors';

/**
 * Mode and signing key are getters: the SDK reads its options on every request, so lib/env is
 * consulted at the first one, not when `next build` loads this module without the runtime secrets.
 * `isDev` is always a boolean, so the SDK never picks a mode from the environment on its own.
 */
export const inngest = new Inngest({
  id: 'hashinsight',
  get isDev() {
    return env().inngest.isDev;
  },
  get signingKey() {
    return env().inngest.signingKey;
  },
  middleware: [StacklessErrors],
});
