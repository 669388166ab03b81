import { Middleware } from 'inngest';

/**
 * A failed step or run goes back to the caller of /api/inngest as a serialized error, stack
 * included: server paths and library internals. The stack goes to the server log instead, and the
 * error keeps its class (NonRetriableError, RetryAfterError), so retries behave as before.
 */
export class StacklessErrors extends Middleware.BaseMiddleware {
  readonly id = 'stackless-errors';

  async wrapFunctionHandler({ next }: Middleware.WrapFunctionHandlerArgs) {
    return withoutStacks(next);
  }

  async wrapStepHandler({ next }: Middleware.WrapStepHandlerArgs) {
    return withoutStacks(next);
  }
}

async function withoutStacks(next: () => Promise<unknown>): Promise<unknown> {
  try {
    return await next();
  } catch (error) {
    console.error('[inngest] job error', error);
    let e: unknown = error;
    for (let depth = 0; e instanceof Error && depth < 5; depth++, e = e.cause) e.stack = '';
    throw error;
  }
}
