'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { completeTask } from '@/db/queries/crm/activities';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { completeTaskSchema } from '@/lib/validation/crm';

const run = authorizedAction({ module: 'crm:activity_log', level: 'FULL' }, completeTaskSchema, async (input, actor) => {
  const result = await completeTask(await getDb(), actor, input.id, new Date());
  revalidatePath('/[locale]/crm/activities', 'page');
  revalidatePath('/[locale]/crm/customers/[id]', 'page');
  return result;
});

export async function completeTaskAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
