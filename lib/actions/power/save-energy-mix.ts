'use server';

import { getDb } from '@/db';
import { saveSiteEnergyMix } from '@/db/queries/power/energy-mix';
import { type ActionResult, authorizedAction } from '@/lib/actions/action';
import { ENERGY_SOURCE_KEYS } from '@/lib/domain/power/carbon';
import { energyMixSchema } from '@/lib/validation/power-reports';

const run = authorizedAction({ module: 'hosting:power', level: 'FULL' }, energyMixSchema, async (input, actor) => {
  const { effectiveFrom } = await saveSiteEnergyMix(await getDb(), actor.scope, actor.userId, input, new Date());
  return { effectiveFrom: effectiveFrom.toISOString() };
});

/** Form fields: siteId, effectiveDate (a future site-local day; blank: tomorrow) and one `pct.<source>` per energy source (blank is 0). */
export async function saveEnergyMixAction(_prev: ActionResult<unknown> | null, form: FormData) {
  const shares = ENERGY_SOURCE_KEYS.map((source) => ({ source, pct: String(form.get(`pct.${source}`) ?? '').trim() || '0' }));
  return run({ siteId: form.get('siteId'), effectiveDate: form.get('effectiveDate'), shares });
}
