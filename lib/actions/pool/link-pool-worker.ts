'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { linkWorker } from '@/db/queries/pool/link-writes';
import { authorizedAction } from '@/lib/actions/action';
import { poolLinkSchema } from '@/lib/validation/pool';

/** Links a pool worker to a hosted miner by hand; the link then wins over the account's pattern. */
export const linkPoolWorkerAction = authorizedAction({ module: 'pool:links', level: 'FULL' }, poolLinkSchema, async (input, actor) => {
  await linkWorker(await getDb(), actor, input);
  revalidatePath('/[locale]/pool', 'layout');
  return { minerId: input.minerId };
});
