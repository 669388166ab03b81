'use server';

import { getDb } from '@/db';
import { saveSiteCurtailmentSettings } from '@/db/queries/power/curtailment-settings';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { curtailmentSettingsSchema } from '@/lib/validation/curtailment-plans';

/** A site's minimum on/off times and power-target levels, read by every curtailment plan after it (audited). */
const run = authorizedAction({ module: 'curtailment:execute', level: 'FULL' }, curtailmentSettingsSchema, async ({ siteId, ...settings }, actor) => {
  await saveSiteCurtailmentSettings(await getDb(), actor.scope, actor.userId, siteId, settings);
  return { saved: true };
});

export async function saveCurtailmentSettingsAction(_prev: ActionResult<{ saved: boolean }> | null, form: FormData) {
  return run(formToObject(form));
}
