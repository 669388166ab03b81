'use server';

import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db';
import { createTicket } from '@/db/queries/hosting/ticket-writes';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { redirect } from '@/lib/i18n/navigation';
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
  const result = await run(formToObject(form));
  // The new ticket opens from the server, in the action's own response: a client-side push after the
  // action raced the refresh of the page the dialog sat on, and was sometimes lost.
  if (result.ok) redirect({ href: `/hosting/tickets/${result.data.id}`, locale: await getLocale() });
  return result;
}
