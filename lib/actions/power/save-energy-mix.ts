'use server';

import { getDb } from '@/db';
import { saveSiteEnergyMix } from '@/db/queries/power/energy-mix';
import { type ActionResult, authorizedAction } from '@/lib/actions/action';
import { ENERGY_SOURCE_KEYS } from '@/lib/domain/power/carbon';
import { energyMixSchema } from '@/lib/validation/power-reports';

const run = authorizedAction({ module: 'hosting:power', level: 'FULL' }, energyMixSchema, async (input, actor) => {
  await saveSiteEnergyMix(await getDb(), actor.scope, actor.userId, input);
  return { saved: true };
});

/** Form fields: siteId and one `pct.<source>` per energy source (blank is 0). */
export async function saveEnergyMixAction(_prev: ActionResult<unknown> | null, form: FormData) {
  const shares = ENERGY_SOURCE_KEYS.map((source) => ({ source, pct: String(form.get(`pct.${source}`) ?? '').trim() || '0' }));
  return run({ siteId: form.get('siteId'), shares });
}
