import { serve } from 'inngest/next';
import { NextRequest } from 'next/server';
import { BODY_LIMITS } from '@/lib/api/body-limits';
import { errorResponse } from '@/lib/api/error-response';
import { readBody } from '@/lib/api/read-body';
import { inngest } from './client';
import { functions } from './index';

type Method = 'GET' | 'POST' | 'PUT';
type Handlers = ReturnType<typeof serve>;

let handlers: Handlers | undefined;

/**
 * Built at the first request, not at import: serve() asks the client for its mode, which needs the
 * runtime configuration that `next build` does not have. Unsigned syncs (PUT) are refused like every
 * other unsigned call, so nobody but Inngest can make the app register itself.
 */
function inngestHandlers(): Handlers {
  handlers ??= serve({ client: inngest, functions, enableUnauthedSync: false });
  return handlers;
}

/**
 * /api/inngest. The SDK gets the body only once it is whole and under the limit (413 otherwise), and
 * anything it throws becomes the generic error answer, never its stack.
 */
export function inngestRoute(method: Method) {
  return async (request: Request, ctx: unknown): Promise<Response> => {
    try {
      const body = method === 'GET' ? undefined : new Uint8Array(await readBody(request, BODY_LIMITS.inngest));
      const whole = new NextRequest(request.url, { method, headers: request.headers, body, signal: request.signal });
      return await inngestHandlers()[method](whole, ctx);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
