'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { addTicketComment } from '@/db/queries/hosting/ticket-writes';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { ticketCommentSchema } from '@/lib/validation/tickets';
import { emailTicketNoticesLater } from './ticket-notices';

const run = authorizedAction({ module: 'hosting:ticket', level: 'FULL' }, ticketCommentSchema, async (input, actor) => {
  const { comment, notices } = await addTicketComment(await getDb(), actor, input.id, { body: input.body, internal: input.internal }, new Date());
  await emailTicketNoticesLater(actor.orgId, notices);
  revalidatePath('/[locale]/hosting/tickets/[id]', 'page');
  return { id: comment.id };
});

export async function addTicketCommentAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
