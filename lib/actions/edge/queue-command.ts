'use server';

import { getDb } from '@/db';
import { queueCommands } from '@/db/queries/edge-commands';
import { authorizedAction } from '@/lib/actions/action';
import { queueCommandSchema } from '@/lib/validation/edge-commands';

const run = authorizedAction({ module: 'remote:execute', level: 'FULL' }, queueCommandSchema, async (input, actor) => {
  const rows = await queueCommands(await getDb(), actor.scope, actor.userId, input, new Date());
  return { queued: rows.length };
});

/** Queues a command for one miner or a selection; the caller passes a plain object. */
export async function queueCommandAction(input: unknown) {
  return run(input);
}
