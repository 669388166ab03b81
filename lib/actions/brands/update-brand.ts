'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { updateBrand } from '@/db/queries/hosting/brands';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { brandUpdateSchema } from '@/lib/validation/brands';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, brandUpdateSchema, async ({ id, ...input }, actor) => {
  const brand = await updateBrand(await getDb(), { orgId: actor.orgId, userId: actor.userId, scope: actor.scope }, id, input);
  revalidatePath('/[locale]/hosting/brands', 'page');
  return { id: brand.id };
});

export async function updateBrandAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
