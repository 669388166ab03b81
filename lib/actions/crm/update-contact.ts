'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { updateContact } from '@/db/queries/crm/contacts';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { contactUpdateSchema } from '@/lib/validation/crm';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, contactUpdateSchema, async (input, actor) => {
  const contact = await updateContact(await getDb(), actor, input);
  revalidatePath('/[locale]/crm/customers/[id]', 'page');
  return { id: contact.id };
});

export async function updateContactAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
