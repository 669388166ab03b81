import type { Db } from '@/db/client';
import { createCurtailmentEvent, queueCurtailmentWave, updateCurtailmentEvent } from '@/db/queries/power/curtailment-events';
import { curtailmentFleet } from '@/db/queries/power/curtailment-fleet';
import { curtailmentPriceSlots } from '@/db/queries/power/curtailment-prices';
import { AppError } from '@/lib/core/errors';
import { type Scope, scopeAllowsSite } from '@/lib/core/scope';
import type { MipSolver } from '@/lib/domain/power/curtailment/mip';
import { needsSolver } from '@/lib/domain/power/curtailment/mip';
import { planCurtailment } from '@/lib/domain/power/curtailment/plan';
import type { PlanInput } from '@/lib/domain/power/curtailment/types';
import { highsSolver } from '@/lib/solver/highs';
import type { StartCurtailmentInput } from '@/lib/validation/curtailment';

/**
 * Plans a curtailment of a site on its measured fleet at this hour's hashprice and rate, records it,
 * and queues its first wave at once (all of it in an emergency), so the reduction starts without
 * waiting for the minute job, which sends the rest.
 */
export async function startCurtailment(db: Db, scope: Scope, actorUserId: string | null, input: StartCurtailmentInput, now: Date, solver?: MipSolver, trigger = 'manual') {
  if (!scopeAllowsSite(scope, input.siteId)) throw new AppError('NOT_FOUND');
  const fleet = await curtailmentFleet(db, scope, input.siteId, now);
  if (!fleet.length) throw new AppError('CONFLICT', 'No miner of this site has a fresh reading: nothing to plan on');
  const [price] = await curtailmentPriceSlots(db, input.siteId, now, new Date(now.getTime() + 1));
  const hashprice = price?.hashpriceUsdPerPhDay ?? null;
  if (input.strategy === 'optimal' && hashprice === null) throw new AppError('CONFLICT', 'Optimal needs the hashprice of this hour, and the market history has none');
  const tariffMc = price?.rateMcPerKwh ?? null;
  const planInput: PlanInput = {
    miners: fleet,
    target: { kind: input.targetKind, kw: input.targetKw },
    strategy: input.strategy,
    economics: { hashpriceUsdPerPhDay: hashprice ?? 0, tariffUsdPerKwh: (tariffMc ?? 0) / 100_000 },
  };
  const plan = planCurtailment(planInput, needsSolver(planInput) ? (solver ?? (await highsSolver())) : undefined);
  const event = await createCurtailmentEvent(
    db,
    scope,
    actorUserId,
    {
      siteId: input.siteId,
      trigger,
      target: planInput.target,
      emergency: input.emergency,
      perMinute: input.perMinute,
      endsAt: input.durationMin ? new Date(now.getTime() + input.durationMin * 60_000) : null,
      hashpriceUsdPerPhDay: hashprice,
      tariffMcPerKwh: tariffMc,
    },
    plan,
    fleet,
    now,
  );
  if (event.waves > 0) {
    const queued = await queueCurtailmentWave(db, event.id, 0, 'curtail', now);
    await updateCurtailmentEvent(db, event.id, event.waves === 1 ? { wavesSent: 1, status: 'holding', allSentAt: now } : { wavesSent: 1 });
    return { ...event, queuedNow: queued, plan };
  }
  return { ...event, queuedNow: 0, plan };
}

