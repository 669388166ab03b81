import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { consumeApiToken } from '@/lib/auth/api-tokens';
import { loadAccessContext } from '@/db/queries/auth/accounts';
import { hitRateLimit } from '@/db/queries/auth/rate-limit';
import type { Actor } from '@/lib/auth/actor';
import { actorFromAccess } from '@/lib/auth/actor-from-access';
import { can, type Module } from '@/lib/auth/permissions';
import { AppError } from '@/lib/core/errors';
import { env } from '@/lib/env';
import { bearerToken } from './bearer-token';
import { errorResponse } from './error-response';
import { timed } from './timed';

/** Calls per token per window, shared by every instance (the count lives in the database). */
export const TOKEN_RATE_LIMIT = { max: 60, windowS: 60 };

/** The database, the clock and the demo switch a token request runs against: the app's, or a test's own. */
export type ApiTokenDeps = { db: Db; now: Date; demoMode: boolean };
export type ApiTokenContext<P> = ApiTokenDeps & { actor: Actor; tokenId: string; params: P };
export type ApiTokenHandler<P = Record<string, never>> = (req: Request, ctx: ApiTokenContext<P>) => Promise<Response>;

const appDeps = async (): Promise<ApiTokenDeps> => ({ db: await getDb(), now: new Date(), demoMode: env().demoMode });

/**
 * Wraps a route for personal API tokens (Bearer `hi_…`). The token acts as its user in its
 * organization with the user's current role, scope and access period, so disabling the user, an
 * expired period or revoking the token stops it at once (401); a role without the permission is 403.
 * Each token has TOKEN_RATE_LIMIT calls a window (429 with Retry-After past it). No cookie is read,
 * so a foreign page cannot make a browser call this on a user's behalf.
 */
export function withApiToken<P = Record<string, never>>(
  permission: { module: Module; level: 'READ' | 'FULL' },
  handler: ApiTokenHandler<P>,
  deps: () => Promise<ApiTokenDeps> = appDeps,
) {
  return timed(async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    try {
      const d = await deps();
      const token = bearerToken(req);
      const row = token ? await consumeApiToken(d.db, token, d.now) : null;
      if (!row) throw new AppError('UNAUTHENTICATED');
      const actor = actorFromAccess(await loadAccessContext(d.db, row.userId, row.orgId), row, d);
      if (!actor) throw new AppError('UNAUTHENTICATED');
      if (!can(actor.role, permission.module, permission.level)) throw new AppError('FORBIDDEN');
      const { count } = await hitRateLimit(d.db, `api-token:${row.id}`, TOKEN_RATE_LIMIT.windowS, d.now);
      if (count > TOKEN_RATE_LIMIT.max) throw new AppError('RATE_LIMITED', undefined, undefined, { retryAfterS: TOKEN_RATE_LIMIT.windowS });
      return await handler(req, { ...d, actor, tokenId: row.id, params: await ctx.params });
    } catch (error) {
      return errorResponse(error, { where: 'api-token' });
    }
  });
}
