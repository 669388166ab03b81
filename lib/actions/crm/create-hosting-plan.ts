'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createHostingPlan } from '@/db/queries/crm/hosting-plans';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { hostingPlanSchema } from '@/lib/validation/billing';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, hostingPlanSchema, async (input, actor) => {
  const id = await createHostingPlan(await getDb(), actor.scope, input, actor.userId);
  revalidatePath('/[locale]/crm/plans', 'page');
  return { id };
});

export async function createHostingPlanAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
