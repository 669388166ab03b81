'use server';

import { getDb } from '@/db';
import { upsertFeeder } from '@/db/queries/power/feeders';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { feederSchema } from '@/lib/validation/curtailment-plans';

/** Adds a feeder or PDU to a site, or changes its cap. */
const run = authorizedAction({ module: 'curtailment:execute', level: 'FULL' }, feederSchema, async (input, actor) => ({ id: await upsertFeeder(await getDb(), actor.scope, actor.userId, input) }));

export async function saveFeederAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
