'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { importPoolPayouts } from '@/db/queries/treasury/writes';
import { type ActionResult, authorizedAction } from '@/lib/actions/action';
import { z } from '@/lib/validation/zod';

const run = authorizedAction({ module: 'treasury:ledger', level: 'FULL' }, z.object({}), async (_v, actor) => {
  const r = await importPoolPayouts(await getDb(), actor.scope, actor.userId);
  revalidatePath('/[locale]/treasury', 'page');
  return r;
});

/** Pool payouts not yet in the ledger, each once (a second run adds nothing). */
export async function importPayoutsAction(_prev: ActionResult<{ imported: number; skippedNoWallet: number }> | null, _form: FormData) {
  return run({});
}
