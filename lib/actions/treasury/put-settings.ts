'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { putTreasurySettings } from '@/db/queries/treasury/writes';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { treasurySettingsSchema } from '@/lib/validation/treasury';

const run = authorizedAction({ module: 'treasury:ledger', level: 'FULL' }, treasurySettingsSchema, async (v, actor) => {
  await putTreasurySettings(await getDb(), actor.scope, v, actor.userId);
  revalidatePath('/[locale]/treasury', 'page');
  return { ok: true };
});

export async function putTreasurySettingsAction(_prev: ActionResult<{ ok: boolean }> | null, form: FormData) {
  return run(formToObject(form));
}
