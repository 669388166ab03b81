'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { deleteDeal } from '@/db/queries/crm/deals';
import { type ActionResult, authorizedAction } from '@/lib/actions/action';
import { dealDeleteSchema } from '@/lib/validation/crm';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, dealDeleteSchema, async (input, actor) => {
  const result = await deleteDeal(await getDb(), actor, input);
  revalidatePath('/[locale]/crm/pipeline', 'page');
  revalidatePath('/[locale]/crm/customers/[id]', 'page');
  return result;
});

export async function deleteDealAction(input: { id: string; version: number }): Promise<ActionResult<{ id: string }>> {
  return run(input);
}
