import type { Db } from '@/db/client';
import { createCurtailmentEvent, queueCurtailmentWave, updateCurtailmentEvent } from '@/db/queries/power/curtailment-events';
import { curtailmentFleet } from '@/db/queries/power/curtailment-fleet';
import { curtailmentPriceSlots } from '@/db/queries/power/curtailment-prices';
import { siteCurtailmentSettingsOf } from '@/db/queries/power/curtailment-settings';
import { siteFeederCaps } from '@/db/queries/power/feeders';
import { AppError } from '@/lib/core/errors';
import { type Scope, scopeAllowsSite } from '@/lib/core/scope';
import { DEFAULT_MIP_OPTIONS, type MipSolver, needsSolver } from '@/lib/domain/power/curtailment/mip';
import { planCurtailment } from '@/lib/domain/power/curtailment/plan';
import type { PlanInput } from '@/lib/domain/power/curtailment/types';
import { highsSolver } from '@/lib/solver/highs';
import type { StartCurtailmentInput } from '@/lib/validation/curtailment';

export type StartOptions = {
  solver?: MipSolver;
  /** manual | scheduled | peak_warning | strike | demand_response */
  trigger?: string;
  /** When recovery starts, if not `durationMin` from now (a window's end). */
  endsAt?: Date;
  /** The window that starts it: a second start of the same window fails on its unique key. */
  windowId?: string;
};

/**
 * Plans a curtailment of a site on its measured fleet at this hour's hashprice and rate, under the
 * site's feeder caps and curtailment settings — miners inside their minimum on time held on, power-
 * target levels offered (Optimal then goes through HiGHS), the minimum off time kept by the run — records it, and queues its first wave at once
 * (all of it in an emergency), so the reduction starts without waiting for the minute job, which
 * sends the rest.
 */
export async function startCurtailment(db: Db, scope: Scope, actorUserId: string | null, input: StartCurtailmentInput, now: Date, opts: StartOptions = {}) {
  if (!scopeAllowsSite(scope, input.siteId)) throw new AppError('NOT_FOUND');
  const settings = await siteCurtailmentSettingsOf(db, input.siteId);
  const [fleet, feederCapsKw] = await Promise.all([curtailmentFleet(db, scope, input.siteId, now, settings), siteFeederCaps(db, scope, input.siteId)]);
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
    feederCapsKw: Object.keys(feederCapsKw).length ? feederCapsKw : undefined,
  };
  const solver = needsSolver(planInput) ? (opts.solver ?? (await highsSolver())) : undefined;
  // mip_rel_gap set here, not left to the solver's default: 0.1 %, the bound greedy meets for one cap.
  const plan = planCurtailment(planInput, solver, DEFAULT_MIP_OPTIONS);
  const event = await createCurtailmentEvent(
    db,
    scope,
    actorUserId,
    {
      siteId: input.siteId,
      trigger: opts.trigger ?? 'manual',
      windowId: opts.windowId ?? null,
      target: planInput.target,
      emergency: input.emergency,
      perMinute: input.perMinute,
      endsAt: opts.endsAt ?? (input.durationMin ? new Date(now.getTime() + input.durationMin * 60_000) : null),
      hashpriceUsdPerPhDay: hashprice,
      tariffMcPerKwh: tariffMc,
      minOffMinutes: settings.minOffMinutes,
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

