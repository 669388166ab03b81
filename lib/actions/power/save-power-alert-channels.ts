'use server';

import { getDb } from '@/db';
import { savePowerAlertChannels } from '@/db/queries/power/alerts';
import { type ActionResult, authorizedAction } from '@/lib/actions/action';
import { powerAlertChannelsSchema } from '@/lib/validation/power-reports';

const run = authorizedAction({ module: 'hosting:power', level: 'FULL' }, powerAlertChannelsSchema, async (input, actor) => {
  await savePowerAlertChannels(await getDb(), actor.scope, actor.userId, input.channelIds);
  return { saved: true };
});

/** Form fields: channelIds (checkboxes; none turns delivery off, the list on /power/alerts stays). */
export async function savePowerAlertChannelsAction(_prev: ActionResult<unknown> | null, form: FormData) {
  return run({ channelIds: form.getAll('channelIds').filter((v): v is string => typeof v === 'string') });
}
