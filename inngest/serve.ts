import { serve } from 'inngest/next';
import { NextRequest } from 'next/server';
import { BODY_LIMITS } from '@/lib/api/body-limits';
import { errorResponse } from '@/lib/api/error-response';
import { readBody } from '@/lib/api/read-body';
import type { JobsOptions } from './client';
import type { JobDeps } from './deps';
import { createJobs } from './index';

type Method = 'GET' | 'POST' | 'PUT';
type Handlers = ReturnType<typeof serve>;

/**
 * /api/inngest for the jobs built on `deps`. The SDK gets the body only once it is whole and under
 * the limit (413 otherwise), and anything it throws becomes the generic error answer, never its
 * stack. Unsigned syncs (PUT) are refused like every other unsigned call, so nobody but Inngest can
 * make the app register itself. The embedded scheduler (inngest/embedded) runs the functions through
 * these same handlers, in process.
 */
export function inngestRoutes(deps: () => Promise<JobDeps>, options: JobsOptions = {}): Record<Method, (request: Request, ctx: unknown) => Promise<Response>> {
  let handlers: Promise<Handlers> | undefined;
  // Built at the first request, not at import: serve() asks the client for its mode, and the
  // dependencies need the runtime configuration and the database, none of which `next build` has.
  // A failed build is not kept, so the next request tries again.
  const built = () => {
    handlers ??= deps().then(
      (d) => {
        const { inngest, functions } = createJobs(d, options);
        return serve({ client: inngest, functions, enableUnauthedSync: false });
      },
      (error: unknown) => {
        handlers = undefined;
        throw error;
      },
    );
    return handlers;
  };
  const route = (method: Method) => async (request: Request, ctx: unknown) => {
    try {
      const body = method === 'GET' ? undefined : new Uint8Array(await readBody(request, BODY_LIMITS.inngest));
      const whole = new NextRequest(request.url, { method, headers: request.headers, body, signal: request.signal });
      return await (await built())[method](whole, ctx);
    } catch (error) {
      return errorResponse(error);
    }
  };
  return { GET: route('GET'), POST: route('POST'), PUT: route('PUT') };
}
