'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { convertLead } from '@/db/queries/crm/leads';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { convertLeadSchema } from '@/lib/validation/crm';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, convertLeadSchema, async (input, actor) => {
  const result = await convertLead(await getDb(), actor, input, new Date());
  revalidatePath('/[locale]/crm/leads', 'page');
  revalidatePath('/[locale]/crm/customers', 'page');
  return result;
});

export async function convertLeadAction(_prev: ActionResult<{ customerId: string }> | null, form: FormData) {
  return run(formToObject(form));
}
