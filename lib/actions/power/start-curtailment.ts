'use server';

import { getDb } from '@/db';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { startCurtailment } from '@/lib/power/start-curtailment';
import { startCurtailmentSchema } from '@/lib/validation/curtailment';

const run = authorizedAction({ module: 'curtailment:execute', level: 'FULL' }, startCurtailmentSchema, async (input, actor) => {
  const r = await startCurtailment(await getDb(), actor.scope, actor.userId, input, new Date());
  return { id: r.id, miners: r.miners, plannedShedW: Math.round(r.plan.shedW), met: r.plan.met };
});

/** Form fields: siteId, strategy, targetKind, targetKw, perMinute, durationMin, emergency (checkbox). */
export async function startCurtailmentAction(_prev: ActionResult<unknown> | null, form: FormData) {
  const { emergency, durationMin, ...rest } = formToObject(form);
  return run({ ...rest, emergency: emergency === 'on', durationMin: durationMin || undefined });
}
