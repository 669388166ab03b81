import { type Actor, getActor } from '@/lib/auth/actor';
import { can, type Module } from '@/lib/auth/permissions';
import { isForeignOrigin, SAFE_METHODS } from '@/lib/security/origin';
import { AppError } from '@/lib/core/errors';
import { errorResponse } from './error-response';

type Ctx<P> = { params: Promise<P> };

/**
 * Wraps a route handler: session, access period, permission and scope are settled here once, and
 * every thrown error becomes a JSON answer with the right status. Nothing below it sees an anonymous
 * or unauthorized request. The session is a cookie, which the browser sends along with a request
 * another site's page makes, so a state-changing request from a foreign origin is refused first.
 */
export function withActor<P = Record<string, string>>(
  permission: { module: Module; level: 'READ' | 'FULL' },
  handler: (req: Request, ctx: { actor: Actor; params: P }) => Promise<Response>,
) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    try {
      if (!SAFE_METHODS.has(req.method) && isForeignOrigin(req.headers)) throw new AppError('FORBIDDEN', 'Cross-origin request refused');
      const actor = await getActor();
      if (!actor) throw new AppError('UNAUTHENTICATED');
      if (!can(actor.role, permission.module, permission.level)) throw new AppError('FORBIDDEN');
      return await handler(req, { actor, params: await ctx.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export { errorResponse };
