'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { updateNote } from '@/db/queries/crm/contacts';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { noteUpdateSchema } from '@/lib/validation/crm';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, noteUpdateSchema, async (input, actor) => {
  const note = await updateNote(await getDb(), actor, input);
  revalidatePath('/[locale]/crm/customers/[id]', 'page');
  return { id: note.id };
});

export async function updateNoteAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
