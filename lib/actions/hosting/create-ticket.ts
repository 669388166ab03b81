'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createTicket } from '@/db/queries/ticket-writes';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { createTicketSchema } from '@/lib/validation/tickets';
import { emailTicketNoticesLater } from './ticket-notices';

const run = authorizedAction({ module: 'hosting:ticket', level: 'FULL' }, createTicketSchema, async (input, actor) => {
  const { ticket, notices } = await createTicket(await getDb(), actor, input, new Date());
  await emailTicketNoticesLater(actor.orgId, notices);
  revalidatePath('/[locale]/hosting/tickets', 'page');
  if (ticket.minerId) revalidatePath('/[locale]/hosting/devices/[id]', 'page');
  return { id: ticket.id, number: ticket.number };
});

export async function createTicketAction(_prev: ActionResult<{ id: string; number: number }> | null, form: FormData) {
  return run(formToObject(form));
}
