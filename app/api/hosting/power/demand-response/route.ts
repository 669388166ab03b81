import { NextResponse } from 'next/server';
import { demandResponseOptIn } from '@/db/queries/power/curtailment-plans';
import { BODY_LIMITS } from '@/lib/api/body-limits';
import { readJson } from '@/lib/api/read-body';
import { withApiToken } from '@/lib/api/with-api-token';
import { AppError } from '@/lib/core/errors';
import { startCurtailment } from '@/lib/power/start-curtailment';
import { demandResponseSchema } from '@/lib/validation/curtailment';

/**
 * POST /api/hosting/power/demand-response with `Authorization: Bearer hi_…` (a personal API token of a
 * user with curtailment:execute FULL on the site; the utility's or aggregator's account):
 * {siteId, capKw | reductionKw, durationMin} curtails the site now, staggered as its opt-in says, and
 * recovers it after durationMin. A site that has not opted in answers 409. → 201 {eventId,
 * requestedShedW, plannedShedW, miners, endsAt}.
 */
export const POST = withApiToken({ module: 'curtailment:execute', level: 'FULL' }, async (req, { db, actor, now }) => {
  const body = demandResponseSchema.parse(await readJson(req, BODY_LIMITS.json));
  const optIn = await demandResponseOptIn(db, actor.scope, body.siteId);
  if (!optIn) throw new AppError('CONFLICT', 'This site has not opted in to demand response');
  const target = body.capKw !== undefined ? { targetKind: 'cap' as const, targetKw: body.capKw } : { targetKind: 'reduction' as const, targetKw: body.reductionKw! };
  const r = await startCurtailment(
    db,
    actor.scope,
    actor.userId,
    { siteId: body.siteId, strategy: optIn.strategy as 'performance', ...target, perMinute: optIn.perMinute, emergency: false, durationMin: body.durationMin },
    now,
    { trigger: 'demand_response' },
  );
  return NextResponse.json(
    { eventId: r.id, requestedShedW: Math.round(r.plan.requestedShedW), plannedShedW: Math.round(r.plan.shedW), miners: r.miners, endsAt: new Date(now.getTime() + body.durationMin * 60_000).toISOString() },
    { status: 201 },
  );
});
