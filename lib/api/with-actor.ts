import { type Actor, getActor } from '@/lib/auth/actor';
import { can, type Module } from '@/lib/auth/permissions';
import { AppError } from '@/lib/core/errors';
import { isLocale } from '@/lib/i18n/routing';
import { isForeignOrigin, SAFE_METHODS } from '@/lib/security/origin';
import { errorResponse, type ErrorShape } from './error-response';
import { timed } from './timed';

type Ctx<P> = { params: Promise<P> };

/**
 * What a route asks of the session: a permission from lib/auth/permissions, or only a signed-in
 * user for what every role reads (the miner model catalogue, whose counts still follow the scope).
 */
export type ActorPermission = { module: Module; level: 'READ' | 'FULL' } | 'signed-in';

/**
 * Wraps a route handler: session, access period, permission and scope are settled here once, and
 * every thrown error becomes a JSON answer with the right status, in the shape the route's clients
 * read (`api` by default; `crm` for the CRM endpoints' `{success: false, error}`, in the user's
 * language). Nothing below it sees an anonymous or unauthorized request. The session is a cookie,
 * which the browser sends along with a request another site's page makes, so a state-changing
 * request from a foreign origin is refused first.
 */
export function withActor<P = Record<string, string>>(
  permission: ActorPermission,
  handler: (req: Request, ctx: { actor: Actor; params: P }) => Promise<Response>,
  options: { shape?: Exclude<ErrorShape, 'edge'> } = {},
) {
  return timed(async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    let actor: Actor | null = null;
    try {
      if (!SAFE_METHODS.has(req.method) && isForeignOrigin(req.headers)) throw new AppError('FORBIDDEN', 'Cross-origin request refused');
      actor = await getActor();
      if (!actor) throw new AppError('UNAUTHENTICATED');
      if (permission !== 'signed-in' && !can(actor.role, permission.module, permission.level)) throw new AppError('FORBIDDEN');
      return await handler(req, { actor, params: await ctx.params });
    } catch (error) {
      return errorResponse(error, { shape: options.shape, locale: actor && isLocale(actor.locale) ? actor.locale : undefined });
    }
  });
}

export { errorResponse };
