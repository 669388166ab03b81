'use server';

import { getDb } from '@/db';
import { acknowledgePoolAlert } from '@/db/queries/pool/alerts';
import { authorizedAction } from '@/lib/actions/action';
import { idSchema } from '@/lib/validation/alerts';

const run = authorizedAction({ module: 'hosting:alerts', level: 'FULL' }, idSchema, async (input, actor) =>
  acknowledgePoolAlert(await getDb(), actor.scope, actor.userId, input.id, new Date()),
);

/** Someone is on it: who and when are kept, audited, and the alert stops escalating. */
export async function acknowledgePoolAlertAction(id: string) {
  return run({ id });
}
