import { type Actor, getActor } from '@/lib/auth/actor';
import { can, type Module } from '@/lib/auth/permissions';
import { AppError } from './errors';
import { errorResponse } from './error-response';

type Ctx<P> = { params: Promise<P> };

/**
 * Wraps a route handler: session, access period, permission and scope are settled here once, and
 * every thrown error becomes a JSON answer with the right status. Nothing below it sees an anonymous
 * or unauthorized request.
 */
export function withActor<P = Record<string, string>>(
  permission: { module: Module; level: 'READ' | 'FULL' },
  handler: (req: Request, ctx: { actor: Actor; params: P }) => Promise<Response>,
) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    try {
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
