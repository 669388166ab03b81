'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createActivity } from '@/db/queries/crm/activities';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { activityInputSchema } from '@/lib/validation/crm';

const run = authorizedAction({ module: 'crm:activity_log', level: 'FULL' }, activityInputSchema, async (input, actor) => {
  const row = await createActivity(await getDb(), actor, input, new Date());
  revalidatePath('/[locale]/crm/activities', 'page');
  revalidatePath('/[locale]/crm/customers/[id]', 'page');
  return { id: row.id };
});

export async function logActivityAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
