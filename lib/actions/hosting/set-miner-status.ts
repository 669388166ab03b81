'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { setMinerStatus } from '@/db/queries/hosting/miner-writes';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { minerStatusSchema } from '@/lib/validation/hosting';

const run = authorizedAction({ module: 'hosting:status_monitor', level: 'FULL' }, minerStatusSchema, async (input, actor) => {
  await setMinerStatus(await getDb(), { orgId: actor.orgId, userId: actor.userId, scope: actor.scope }, input.id, input.status);
  revalidatePath('/[locale]/hosting/devices/[id]', 'page');
  return { status: input.status };
});

export async function setMinerStatusAction(_prev: ActionResult<{ status: string }> | null, form: FormData) {
  return run(formToObject(form));
}
