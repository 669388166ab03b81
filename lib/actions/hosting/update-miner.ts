'use server';

import { getDb } from '@/db';
import { updateMiner } from '@/db/queries/hosting/miner-writes';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { minerUpdateSchema } from '@/lib/validation/hosting';
import { resolveSingleMiner } from './resolve-single';

/** Edit, move between sites and customers, and status, in one form: one audit entry with before and after. */
const run = authorizedAction({ module: 'hosting:batch_create', level: 'FULL' }, minerUpdateSchema, async (input, actor) => {
  const db = await getDb();
  const row = await resolveSingleMiner(db, actor.scope, input, input.id);
  await updateMiner(db, { orgId: actor.orgId, userId: actor.userId, scope: actor.scope }, input.id, row);
  return { id: input.id };
});

export async function updateMinerAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
