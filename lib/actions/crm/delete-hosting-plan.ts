'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { deleteHostingPlan } from '@/db/queries/crm/hosting-plans';
import { authorizedAction } from '@/lib/actions/action';
import { idSchema } from '@/lib/validation/billing';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, idSchema, async ({ id }, actor) => {
  await deleteHostingPlan(await getDb(), actor.scope, id, actor.userId);
  revalidatePath('/[locale]/crm/plans', 'page');
  return { id };
});

export async function deleteHostingPlanAction(input: { id: string }) {
  return run(input);
}
