'use server';

import { getDb } from '@/db';
import { updateSite } from '@/db/queries/hosting/site-writes';
import { type ActionResult, authorizedAction } from '@/lib/actions/action';
import { siteUpdateSchema } from '@/lib/validation/hosting';
import { siteFormToObject } from './site-form-data';

const run = authorizedAction({ module: 'hosting:site_management', level: 'FULL' }, siteUpdateSchema, async (input, actor) => {
  const site = await updateSite(await getDb(), { orgId: actor.orgId, userId: actor.userId, scope: actor.scope }, input.id, input);
  return { id: site.id };
});

export async function updateSiteAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(siteFormToObject(form));
}
