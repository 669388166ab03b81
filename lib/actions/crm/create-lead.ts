'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createLead } from '@/db/queries/crm/leads';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { leadInputSchema } from '@/lib/validation/crm';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, leadInputSchema, async (input, actor) => {
  const lead = await createLead(await getDb(), actor, input, new Date());
  revalidatePath('/[locale]/crm/leads', 'page');
  return { id: lead.id };
});

export async function createLeadAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
