'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { markAnnouncementRead } from '@/db/queries/crm/announcements';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { announcementReadSchema } from '@/lib/validation/crm';

/** The portal's "mark as read": whoever may open the portal, for an announcement aimed at them. */
const run = authorizedAction({ module: 'hosting:status_monitor', level: 'READ' }, announcementReadSchema, async (input, actor) => {
  const result = await markAnnouncementRead(await getDb(), actor, input.id, new Date());
  revalidatePath('/[locale]/portal', 'page');
  return result;
});

export async function markAnnouncementReadAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
