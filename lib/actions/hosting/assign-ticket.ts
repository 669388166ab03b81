'use server';

import { getDb } from '@/db';
import { assignTicket } from '@/db/queries/hosting/ticket-writes';
import { type ActionResult, formToObject } from '@/lib/actions/action';
import { assignTicketSchema } from '@/lib/validation/tickets';
import { ticketPageAction } from './ticket-notices';

const run = ticketPageAction(assignTicketSchema, async (input, actor) => {
  const { ticket, notices } = await assignTicket(await getDb(), actor, input.id, input.assigneeUserId, new Date());
  return { notices, result: { assigneeUserId: ticket.assigneeUserId } };
});

export async function assignTicketAction(_prev: ActionResult<{ assigneeUserId: string | null }> | null, form: FormData) {
  return run(formToObject(form));
}
