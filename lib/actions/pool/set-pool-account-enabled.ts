'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { setPoolAccountEnabled } from '@/db/queries/pool/account-writes';
import { authorizedAction } from '@/lib/actions/action';
import { poolAccountToggleSchema } from '@/lib/validation/pool';

/** A disabled account is skipped by every tier and left out of the totals. */
export const setPoolAccountEnabledAction = authorizedAction({ module: 'pool:settings', level: 'FULL' }, poolAccountToggleSchema, async ({ id, enabled }, actor) => {
  await setPoolAccountEnabled(await getDb(), actor, id, enabled);
  revalidatePath('/[locale]/pool', 'layout');
  return { enabled };
});
