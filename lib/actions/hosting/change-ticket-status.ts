'use server';

import { getDb } from '@/db';
import { changeTicketStatus } from '@/db/queries/hosting/ticket-writes';
import { type ActionResult, formToObject } from '@/lib/actions/action';
import { ticketStatusChangeSchema } from '@/lib/validation/tickets';
import { ticketPageAction } from './ticket-notices';

const run = ticketPageAction(ticketStatusChangeSchema, async (input, actor) => {
  const { ticket, notices } = await changeTicketStatus(await getDb(), actor, input.id, input.status, new Date());
  return { notices, result: { status: ticket.status } };
});

export async function changeTicketStatusAction(_prev: ActionResult<{ status: string }> | null, form: FormData) {
  return run(formToObject(form));
}
