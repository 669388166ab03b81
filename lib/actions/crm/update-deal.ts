'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { updateDeal } from '@/db/queries/crm/deals';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { can } from '@/lib/auth/permissions';
import { dealUpdateSchema } from '@/lib/validation/crm';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, dealUpdateSchema, async (input, actor) => {
  // Without the commission permission the form has no broker fields: what is stored stays as it is.
  const keepCommission = !can(actor.role, 'crm:broker_commission', 'FULL');
  const deal = await updateDeal(await getDb(), actor, input, new Date(), keepCommission);
  revalidatePath('/[locale]/crm/pipeline', 'page');
  revalidatePath('/[locale]/crm/customers/[id]', 'page');
  return deal;
});

export async function updateDealAction(_prev: ActionResult<{ id: string }> | null, form: FormData): Promise<ActionResult<{ id: string; version: number }>> {
  return run(formToObject(form));
}
