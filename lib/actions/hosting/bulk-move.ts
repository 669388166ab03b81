'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { moveSelection } from '@/db/queries/hosting/bulk-writes';
import { authorizedAction } from '@/lib/actions/action';
import { bulkMoveSchema } from '@/lib/validation/bulk-actions';

// Moving machines is an edit of each (update-miner's permission), done for the whole selection at once.
const run = authorizedAction({ module: 'hosting:batch_create', level: 'FULL' }, bulkMoveSchema, async (input, actor) => {
  const result = await moveSelection(await getDb(), actor, input, new Date());
  revalidatePath('/[locale]/hosting/devices', 'page');
  return result;
});

export async function bulkMoveAction(input: unknown) {
  return run(input);
}
