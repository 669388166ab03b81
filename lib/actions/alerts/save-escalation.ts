'use server';

import { getDb } from '@/db';
import { saveEscalationSettings } from '@/db/queries/alerts/escalation';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { escalationSettingsSchema } from '@/lib/validation/alerts';

const run = authorizedAction({ module: 'hosting:alerts', level: 'FULL' }, escalationSettingsSchema, async (input, actor) => {
  await saveEscalationSettings(await getDb(), actor.scope, actor.userId, input, new Date());
  return { saved: true };
});

/** Form fields: afterMinutes, channelId (empty turns escalation off). */
export async function saveEscalationAction(_prev: ActionResult<unknown> | null, form: FormData) {
  return run(formToObject(form));
}
