'use server';

import { getDb } from '@/db';
import { queueCommands } from '@/db/queries/edge/commands';
import { type ActionResult, authorizedAction } from '@/lib/actions/action';
import { queueCommandSchema } from '@/lib/validation/edge-commands';
import { queueSealedBatch } from './queue-batch';

const run = authorizedAction({ module: 'remote:execute', level: 'FULL' }, queueCommandSchema, async (input, actor) => {
  const db = await getDb();
  // A pool password is never queued in clear: it goes the bulk way, sealed to the site's collectors.
  if (input.type === 'POOL_SET' && input.params.password) {
    const batch = await queueSealedBatch(db, actor, { type: input.type, params: input.params, ttlS: input.ttlS, selection: { mode: 'ids', ids: input.minerIds } }, new Date());
    return { queued: batch.queued };
  }
  const rows = await queueCommands(db, actor.scope, actor.userId, input, new Date());
  return { queued: rows.length };
});

/** Form fields: minerIds (repeated), type, ttlS and the type's parameters (mode, url, user, mhz, watts). */
export async function queueCommandAction(_prev: ActionResult<unknown> | null, form: FormData) {
  const type = String(form.get('type') ?? '');
  const pick = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, form.get(k) ?? undefined]).filter(([, v]) => v !== undefined && v !== ''));
  const params =
    type === 'POWER_MODE' ? pick('mode') : type === 'POOL_SET' ? pick('url', 'user', 'password') : type === 'SET_FREQUENCY' ? pick('mhz') : type === 'SET_POWER_TARGET' ? pick('watts') : {};
  return run({ type, minerIds: form.getAll('minerIds').map(String), ttlS: form.get('ttlS') || undefined, params });
}
