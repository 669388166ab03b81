'use server';

import { getDb } from '@/db';
import { authorizedAction } from '@/lib/actions/action';
import { bulkCommandSchema } from '@/lib/validation/bulk-actions';
import { queueSealedBatch } from './queue-batch';

/** Queues one command for the selection (ticked ids, or every miner matching the list's filter), as one batch. */
const run = authorizedAction({ module: 'remote:execute', level: 'FULL' }, bulkCommandSchema, async (input, actor) => queueSealedBatch(await getDb(), actor, input, new Date()));

export async function bulkCommandAction(input: unknown) {
  return run(input);
}
