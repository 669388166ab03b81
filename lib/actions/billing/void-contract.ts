'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { voidContract } from '@/db/queries/billing/contracts';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { idSchema } from '@/lib/validation/billing';

const run = authorizedAction({ module: 'crm:invoice', level: 'FULL' }, idSchema, async ({ id }, actor) => {
  await voidContract(await getDb(), actor.scope, id, actor.userId);
  revalidatePath('/[locale]/crm/customers/[id]/billing', 'page');
  return { id };
});

export async function voidContractAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
