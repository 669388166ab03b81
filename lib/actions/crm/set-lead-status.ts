'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { setLeadStatus } from '@/db/queries/crm/leads';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { leadStatusSchema } from '@/lib/validation/crm';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, leadStatusSchema, async (input, actor) => {
  const result = await setLeadStatus(await getDb(), actor, input.id, input.status, input.reason, new Date());
  revalidatePath('/[locale]/crm/leads', 'page');
  return result;
});

export async function setLeadStatusAction(_prev: ActionResult<{ id: string; status: string }> | null, form: FormData) {
  return run(formToObject(form));
}
