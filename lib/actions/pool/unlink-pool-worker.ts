'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { unlinkWorker } from '@/db/queries/pool/link-writes';
import { authorizedAction } from '@/lib/actions/action';
import { poolUnlinkSchema } from '@/lib/validation/pool';

/** Marks a worker as having no miner (`none`) or hands it back to the pattern (`pattern`). */
export const unlinkPoolWorkerAction = authorizedAction({ module: 'pool:links', level: 'FULL' }, poolUnlinkSchema, async (input, actor) => {
  await unlinkWorker(await getDb(), actor, input);
  revalidatePath('/[locale]/pool', 'layout');
  return { mode: input.mode };
});
