'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { savePoolAccount } from '@/lib/integrations/antpool/save-account';
import { authorizedAction, formToObject, type ActionResult } from '@/lib/actions/action';
import { poolAccountSchema } from '@/lib/validation/pool';

/** Adds or updates a pool account. The secret is encrypted on the server and never read back; blank keeps it. */
const run = authorizedAction({ module: 'pool:settings', level: 'FULL' }, poolAccountSchema, async (input, actor) => {
  const id = await savePoolAccount(await getDb(), actor, input);
  revalidatePath('/[locale]/pool', 'layout');
  return { id };
});

export async function savePoolAccountAction(_prev: ActionResult<unknown> | null, form: FormData) {
  return run(formToObject(form));
}
