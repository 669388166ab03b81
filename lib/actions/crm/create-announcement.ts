'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createAnnouncement } from '@/db/queries/crm/announcements';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { announcementInputSchema } from '@/lib/validation/crm';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, announcementInputSchema, async (input, actor) => {
  const row = await createAnnouncement(await getDb(), actor, input, new Date());
  revalidatePath('/[locale]/crm/announcements', 'page');
  return { id: row.id };
});

export async function createAnnouncementAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
