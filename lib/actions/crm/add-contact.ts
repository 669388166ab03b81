'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { addContact } from '@/db/queries/crm/contacts';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { contactInputSchema } from '@/lib/validation/crm';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, contactInputSchema, async (input, actor) => {
  const contact = await addContact(await getDb(), actor, input, new Date());
  revalidatePath('/[locale]/crm/customers/[id]', 'page');
  return { id: contact.id };
});

export async function addContactAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
