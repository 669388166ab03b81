'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createBrand } from '@/db/queries/hosting/brands';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { brandInputSchema } from '@/lib/validation/brands';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, brandInputSchema, async (input, actor) => {
  const brand = await createBrand(await getDb(), { orgId: actor.orgId, userId: actor.userId, scope: actor.scope }, input);
  revalidatePath('/[locale]/hosting/brands', 'page');
  return { id: brand.id };
});

export async function createBrandAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
