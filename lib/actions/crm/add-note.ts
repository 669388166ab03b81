'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { addNote } from '@/db/queries/crm/contacts';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { noteInputSchema } from '@/lib/validation/crm';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, noteInputSchema, async (input, actor) => {
  const note = await addNote(await getDb(), actor, input, new Date());
  revalidatePath('/[locale]/crm/customers/[id]', 'page');
  return { id: note.id };
});

export async function addNoteAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
