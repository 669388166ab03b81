'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { setCustomerBrand } from '@/db/queries/hosting/brands';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { customerBrandSchema } from '@/lib/validation/brands';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, customerBrandSchema, async (input, actor) => {
  const result = await setCustomerBrand(await getDb(), { orgId: actor.orgId, userId: actor.userId, scope: actor.scope }, input.customerId, input.brandId);
  revalidatePath('/[locale]/hosting/brands/[id]', 'page');
  return result;
});

export async function setCustomerBrandAction(_prev: ActionResult<{ changed: boolean }> | null, form: FormData) {
  return run(formToObject(form));
}
