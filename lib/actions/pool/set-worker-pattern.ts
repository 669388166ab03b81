'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { setWorkerPattern } from '@/db/queries/pool/link-writes';
import { authorizedAction } from '@/lib/actions/action';
import { poolPatternSchema } from '@/lib/validation/pool';

/** An account's worker-name pattern; the newest hour is re-linked at once. */
export const setWorkerPatternAction = authorizedAction({ module: 'pool:settings', level: 'FULL' }, poolPatternSchema, async (input, actor) => {
  const links = await setWorkerPattern(await getDb(), actor, input);
  revalidatePath('/[locale]/pool', 'layout');
  return links;
});
