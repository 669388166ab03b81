'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createWallet } from '@/db/queries/treasury/writes';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { walletCreateSchema } from '@/lib/validation/treasury';

const run = authorizedAction({ module: 'treasury:ledger', level: 'FULL' }, walletCreateSchema, async (v, actor) => {
  const w = await createWallet(await getDb(), actor.scope, v, actor.userId);
  revalidatePath('/[locale]/treasury', 'page');
  return { id: w.id };
});

export async function createWalletAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
