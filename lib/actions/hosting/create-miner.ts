'use server';

import { getDb } from '@/db';
import { insertMiners } from '@/db/queries/hosting/miner-writes';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { minerRowSchema } from '@/lib/validation/hosting';
import { resolveSingleMiner } from './resolve-single';

const run = authorizedAction({ module: 'hosting:batch_create', level: 'FULL' }, minerRowSchema, async (input, actor) => {
  const db = await getDb();
  const row = await resolveSingleMiner(db, actor.scope, input);
  const [created] = await insertMiners(db, { orgId: actor.orgId, userId: actor.userId, scope: actor.scope }, [row], 'miner.create');
  return { id: created!.id };
});

export async function createMinerAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formToObject(form));
}
