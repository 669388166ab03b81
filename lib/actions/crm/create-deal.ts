'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createDeal } from '@/db/queries/crm/deals';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { can } from '@/lib/auth/permissions';
import { AppError } from '@/lib/core/errors';
import { dealInputSchema } from '@/lib/validation/crm';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, dealInputSchema, async (input, actor) => {
  // A broker's commission is its own permission: whoever may not set commissions may still open deals.
  const commission = input.brokerName !== null || input.commissionPct !== null || input.commissionFixed !== null;
  if (commission && !can(actor.role, 'crm:broker_commission', 'FULL')) throw new AppError('FORBIDDEN');
  const deal = await createDeal(await getDb(), actor, input, new Date());
  revalidatePath('/[locale]/crm/pipeline', 'page');
  revalidatePath('/[locale]/crm/customers/[id]', 'page');
  return { id: deal.id };
});

export async function createDealAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
