'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { assignTicket } from '@/db/queries/hosting/ticket-writes';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { assignTicketSchema } from '@/lib/validation/tickets';
import { emailTicketNoticesLater } from './ticket-notices';

const run = authorizedAction({ module: 'hosting:ticket', level: 'FULL' }, assignTicketSchema, async (input, actor) => {
  const { ticket, notices } = await assignTicket(await getDb(), actor, input.id, input.assigneeUserId, new Date());
  await emailTicketNoticesLater(actor.orgId, notices);
  revalidatePath('/[locale]/hosting/tickets/[id]', 'page');
  return { assigneeUserId: ticket.assigneeUserId };
});

export async function assignTicketAction(_prev: ActionResult<{ assigneeUserId: string | null }> | null, form: FormData) {
  return run(formToObject(form));
}
