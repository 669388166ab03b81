'use server';

import { getDb } from '@/db';
import { addTicketComment } from '@/db/queries/hosting/ticket-writes';
import { type ActionResult, formToObject } from '@/lib/actions/action';
import { ticketCommentSchema } from '@/lib/validation/tickets';
import { ticketPageAction } from './ticket-notices';

const run = ticketPageAction(ticketCommentSchema, async (input, actor) => {
  const { comment, notices } = await addTicketComment(await getDb(), actor, input.id, { body: input.body, internal: input.internal }, new Date());
  return { notices, result: { id: comment.id } };
});

export async function addTicketCommentAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
