'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { openSelectionTicket } from '@/db/queries/hosting/bulk-writes';
import { authorizedAction } from '@/lib/actions/action';
import { bulkTicketSchema } from '@/lib/validation/bulk-actions';

const run = authorizedAction({ module: 'hosting:ticket', level: 'FULL' }, bulkTicketSchema, async (input, actor) => {
  const result = await openSelectionTicket(await getDb(), actor, input, new Date());
  revalidatePath('/[locale]/hosting/tickets', 'page');
  return result;
});

export async function bulkTicketAction(input: unknown) {
  return run(input);
}
