'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { convertLead } from '@/db/queries/crm/leads';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { convertLeadSchema } from '@/lib/validation/crm';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, convertLeadSchema, async (input, actor) => {
  const result = await convertLead(await getDb(), actor, input, new Date());
  // Not the leads page: its refreshed list would drop the converted lead's dialog before the form
  // hears the result, and with it the toast and the move to the new customer (seen on a production
  // build). The dialog navigates away; the leads list is read afresh when it is opened again.
  revalidatePath('/[locale]/crm/customers', 'page');
  return result;
});

export async function convertLeadAction(_prev: ActionResult<{ customerId: string }> | null, form: FormData) {
  return run(formToObject(form));
}
