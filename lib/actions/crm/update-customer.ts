'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { updateCustomer } from '@/db/queries/crm/customer-writes';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { customerUpdateSchema } from '@/lib/validation/crm';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, customerUpdateSchema, async ({ id, ...input }, actor) => {
  const result = await updateCustomer(await getDb(), actor, id, input, new Date());
  revalidatePath('/[locale]/crm/customers/[id]', 'page');
  return result;
});

export async function updateCustomerAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
