'use server';

import { getDb } from '@/db';
import { setDemandResponse } from '@/db/queries/power/curtailment-plans';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { demandResponseOptInSchema } from '@/lib/validation/curtailment-plans';

/** Opts a site in or out of demand-response calls, with the strategy and stagger they run with. */
const run = authorizedAction({ module: 'curtailment:execute', level: 'FULL' }, demandResponseOptInSchema, async (input, actor) => {
  await setDemandResponse(await getDb(), actor.scope, actor.userId, input);
  return { enabled: input.enabled };
});

export async function setDemandResponseAction(_prev: ActionResult<{ enabled: boolean }> | null, form: FormData) {
  return run(formToObject(form));
}
