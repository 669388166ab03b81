import { randomUUID } from 'node:crypto';
import { Middleware } from 'inngest';

export type LocalEvent = { name: string; data: Record<string, unknown> };

/**
 * With no Inngest server to take events, `step.sendEvent` and `inngest.send` hand them to the
 * embedded scheduler, which runs the functions they trigger in this process. The events never
 * leave it: `next()` (the HTTP send) is not called.
 */
export function localEventsMiddleware(dispatch: (events: LocalEvent[]) => void) {
  return class LocalEvents extends Middleware.BaseMiddleware {
    readonly id = 'local-events';

    async wrapSendEvent({ events }: Middleware.WrapSendEventArgs) {
      const sent = events.map((e) => ({ name: e.name, data: structuredClone((e.data ?? {}) as Record<string, unknown>) }));
      dispatch(sent);
      return { ids: sent.map(() => randomUUID()) };
    }
  };
}
