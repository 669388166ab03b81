'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { deleteContact } from '@/db/queries/crm/contacts';
import { type ActionResult, authorizedAction } from '@/lib/actions/action';
import { idSchema } from '@/lib/validation/crm';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, idSchema, async (input, actor) => {
  const result = await deleteContact(await getDb(), actor, input.id);
  revalidatePath('/[locale]/crm/customers/[id]', 'page');
  return { id: result.id };
});

export async function deleteContactAction(input: { id: string }): Promise<ActionResult<{ id: string }>> {
  return run(input);
}
