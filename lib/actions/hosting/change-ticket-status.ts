'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { changeTicketStatus } from '@/db/queries/hosting/ticket-writes';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { ticketStatusChangeSchema } from '@/lib/validation/tickets';
import { emailTicketNoticesLater } from './ticket-notices';

const run = authorizedAction({ module: 'hosting:ticket', level: 'FULL' }, ticketStatusChangeSchema, async (input, actor) => {
  const { ticket, notices } = await changeTicketStatus(await getDb(), actor, input.id, input.status, new Date());
  await emailTicketNoticesLater(actor.orgId, notices);
  revalidatePath('/[locale]/hosting/tickets/[id]', 'page');
  return { status: ticket.status };
});

export async function changeTicketStatusAction(_prev: ActionResult<{ status: string }> | null, form: FormData) {
  return run(formToObject(form));
}
