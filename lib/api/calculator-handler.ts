import { listModelSpecs } from '@/db/queries/hosting/miner-catalogue';
import { AppError } from '@/lib/core/errors';
import { toFieldErrors } from '@/lib/core/field-errors';
import { computeEconomics } from '@/lib/domain/mining/economics';
import type { NetworkSnapshot } from '@/lib/domain/mining/network';
import { modelIndex, resolveEconomicsInput } from '@/lib/domain/mining/resolve-input';
import { calculatorApiSchema } from '@/lib/validation/calculator';
import { BODY_LIMITS } from './body-limits';
import { NO_PARAMS } from './bearer-token';
import { readJson } from './read-body';
import { type ApiTokenDeps, type ApiTokenHandler, withApiToken } from './with-api-token';

export { TOKEN_RATE_LIMIT } from './with-api-token';

export const CALCULATOR_PERMISSION = { module: 'basic:calculator', level: 'READ' } as const;

/**
 * POST /api/calculator (withApiToken, basic:calculator READ): the economics of a model or a
 * hashrate at the request's prices, the network figures it leaves out taken from `network()`.
 */
export const calculate =
  (network: () => Promise<NetworkSnapshot>): ApiTokenHandler =>
  async (req, { db }) => {
    const parsed = calculatorApiSchema.safeParse(await readJson(req, BODY_LIMITS.json));
    if (!parsed.success) throw new AppError('VALIDATION', 'Invalid input', toFieldErrors(parsed.error));

    const needsNetwork = ['btcPriceUsd', 'difficulty', 'blockRewardBtc', 'feesPerBlockBtc'].some((k) => parsed.data[k as keyof typeof parsed.data] === undefined);
    const snapshot = needsNetwork ? await network() : null;
    const resolved = resolveEconomicsInput(parsed.data, modelIndex(await listModelSpecs(db)), snapshot);
    if (!resolved.ok) throw new AppError('VALIDATION', 'Invalid input', resolved.fieldErrors);

    return Response.json({
      input: resolved.input,
      model: resolved.model?.name ?? null,
      network: snapshot ? { asOf: snapshot.asOf, origin: snapshot.origin, stale: snapshot.stale, sources: snapshot.sources } : { origin: 'request' },
      result: computeEconomics(resolved.input),
    });
  };

export type CalculatorDeps = ApiTokenDeps & { network: () => Promise<NetworkSnapshot> };

/** The route as it runs, against a test's own database, clock and network snapshot. */
export const handleCalculatorRequest = (req: Request, deps: CalculatorDeps): Promise<Response> =>
  withApiToken(CALCULATOR_PERMISSION, calculate(deps.network), async () => deps)(req, NO_PARAMS);
