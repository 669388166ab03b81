'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { reverseEntry } from '@/db/queries/treasury/writes';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { entryReverseSchema } from '@/lib/validation/treasury';

const run = authorizedAction({ module: 'treasury:ledger', level: 'FULL' }, entryReverseSchema, async (v, actor) => {
  const row = await reverseEntry(await getDb(), actor.scope, v.entryId, v.note ?? null, actor.userId);
  revalidatePath('/[locale]/treasury', 'page');
  return { id: row.id };
});

export async function reverseEntryAction(_prev: ActionResult<{ id: number }> | null, form: FormData) {
  return run(formToObject(form));
}
