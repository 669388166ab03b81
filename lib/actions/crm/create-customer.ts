'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createCustomer } from '@/db/queries/crm/customer-writes';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { customerInputSchema } from '@/lib/validation/crm';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, customerInputSchema, async (input, actor) => {
  const customer = await createCustomer(await getDb(), actor, input, new Date());
  revalidatePath('/[locale]/crm/customers', 'page');
  return { id: customer.id };
});

export async function createCustomerAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
