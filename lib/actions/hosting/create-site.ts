'use server';

import { getDb } from '@/db';
import { createSite } from '@/db/queries/hosting/site-writes';
import { type ActionResult, authorizedAction } from '@/lib/actions/action';
import { siteSchema } from '@/lib/validation/hosting';
import { siteFormToObject } from './site-form-data';

const run = authorizedAction({ module: 'hosting:site_management', level: 'FULL' }, siteSchema, async (input, actor) => {
  const site = await createSite(await getDb(), { orgId: actor.orgId, userId: actor.userId, scope: actor.scope }, input);
  return { id: site.id };
});

export async function createSiteAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(siteFormToObject(form));
}
