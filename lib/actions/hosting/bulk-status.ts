'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { setSelectionStatus } from '@/db/queries/hosting/bulk-writes';
import { authorizedAction } from '@/lib/actions/action';
import { bulkStatusSchema } from '@/lib/validation/bulk-actions';

const run = authorizedAction({ module: 'hosting:status_monitor', level: 'FULL' }, bulkStatusSchema, async (input, actor) => {
  const result = await setSelectionStatus(await getDb(), actor, input, new Date());
  revalidatePath('/[locale]/hosting/devices', 'page');
  return result;
});

export async function bulkStatusAction(input: unknown) {
  return run(input);
}
