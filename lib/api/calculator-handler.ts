import type { Db } from '@/db/client';
import { consumeApiToken } from '@/db/queries/auth/api-tokens';
import { loadAccessContext } from '@/db/queries/auth/accounts';
import { listModelSpecs } from '@/db/queries/hosting/miner-catalogue';
import { hitRateLimit } from '@/db/queries/auth/rate-limit';
import { accessDenial } from '@/lib/auth/access';
import { can } from '@/lib/auth/permissions';
import { normalizeRole } from '@/lib/core/roles';
import { computeEconomics } from '@/lib/domain/mining/economics';
import type { NetworkSnapshot } from '@/lib/domain/mining/network';
import { modelIndex, resolveEconomicsInput } from '@/lib/domain/mining/resolve-input';
import { calculatorApiSchema } from '@/lib/validation/calculator';
import { toFieldErrors } from '@/lib/core/field-errors';
import { BODY_LIMITS } from './body-limits';
import { errorResponse } from './error-response';
import { AppError } from '@/lib/core/errors';
import { readJson } from './read-body';

export const TOKEN_RATE_LIMIT = { max: 60, windowS: 60 };

export type CalculatorDeps = { db: Db; now: Date; demoMode: boolean; network: () => Promise<NetworkSnapshot> };

/**
 * POST /api/calculator, authenticated by a personal API token (Bearer). The token acts as its user
 * in its organization with the user's current role and access period, so disabling the user or
 * revoking the token stops it at once. Kept apart from the route so tests pass their own database.
 */
export async function handleCalculatorRequest(req: Request, deps: CalculatorDeps): Promise<Response> {
  try {
    const tokenId = await authenticate(req, deps);
    const { count } = await hitRateLimit(deps.db, `api-token:${tokenId}`, TOKEN_RATE_LIMIT.windowS, deps.now);
    if (count > TOKEN_RATE_LIMIT.max) {
      const res = errorResponse(new AppError('RATE_LIMITED'));
      res.headers.set('Retry-After', String(TOKEN_RATE_LIMIT.windowS));
      return res;
    }
    const parsed = calculatorApiSchema.safeParse(await readJson(req, BODY_LIMITS.json));
    if (!parsed.success) throw new AppError('VALIDATION', 'Invalid input', toFieldErrors(parsed.error));

    const needsNetwork = ['btcPriceUsd', 'difficulty', 'blockRewardBtc', 'feesPerBlockBtc'].some((k) => parsed.data[k as keyof typeof parsed.data] === undefined);
    const snapshot = needsNetwork ? await deps.network() : null;
    const resolved = resolveEconomicsInput(parsed.data, modelIndex(await listModelSpecs(deps.db)), snapshot);
    if (!resolved.ok) throw new AppError('VALIDATION', 'Invalid input', resolved.fieldErrors);

    return Response.json({
      input: resolved.input,
      model: resolved.model?.name ?? null,
      network: snapshot ? { asOf: snapshot.asOf, origin: snapshot.origin, stale: snapshot.stale, sources: snapshot.sources } : { origin: 'request' },
      result: computeEconomics(resolved.input),
    });
  } catch (error) {
    return errorResponse(error);
  }
}

async function authenticate(req: Request, deps: CalculatorDeps): Promise<string> {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.get('authorization') ?? '');
  if (!match) throw new AppError('UNAUTHENTICATED');
  const token = await consumeApiToken(deps.db, match[1]!, deps.now);
  if (!token) throw new AppError('UNAUTHENTICATED');
  const ctx = await loadAccessContext(deps.db, token.userId, token.orgId);
  if (!ctx) throw new AppError('UNAUTHENTICATED');
  const denial = accessDenial({ disabledAt: ctx.user.disabledAt, isDemo: ctx.user.isDemo, demoMode: deps.demoMode, hasMembership: Boolean(ctx.membership), periods: ctx.periods, now: deps.now });
  if (denial || !ctx.membership) throw new AppError('UNAUTHENTICATED');
  if (!can(normalizeRole(ctx.membership.role), 'basic:calculator', 'READ')) throw new AppError('FORBIDDEN');
  return token.id;
}
