import { recordRoute } from '@/lib/observability/metrics';

/**
 * Times a route handler for the monitoring page: its path (ids folded), how long it took and the
 * status it answered. A handler that throws past its wrapper counts as a 500 and the error goes on.
 */
export function timed<A extends unknown[]>(handler: (req: Request, ...rest: A) => Promise<Response>) {
  return async (req: Request, ...rest: A): Promise<Response> => {
    const started = performance.now();
    let status = 500;
    try {
      const res = await handler(req, ...rest);
      status = res.status;
      return res;
    } finally {
      recordRoute(new URL(req.url).pathname, performance.now() - started, status);
    }
  };
}
