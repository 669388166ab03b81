'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { putOpex } from '@/db/queries/treasury/writes';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { opexSchema } from '@/lib/validation/treasury';

const run = authorizedAction({ module: 'treasury:ledger', level: 'FULL' }, opexSchema, async (v, actor) => {
  await putOpex(await getDb(), actor.scope, { month: v.month, category: v.category, amountCents: v.amountUsd, note: v.note }, actor.userId);
  revalidatePath('/[locale]/treasury', 'page');
  return { month: v.month };
});

export async function putOpexAction(_prev: ActionResult<{ month: string }> | null, form: FormData) {
  return run(formToObject(form));
}
