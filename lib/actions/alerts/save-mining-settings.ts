'use server';

import { getDb } from '@/db';
import { recordAudit } from '@/db/queries/admin/audit';
import { getMiningSettings, upsertMiningSettings } from '@/db/queries/alerts/mining-settings';
import { authorizedAction, formToObject, type ActionResult } from '@/lib/actions/action';
import { miningSettingsSchema } from '@/lib/validation/alerts';

const run = authorizedAction({ module: 'basic:settings', level: 'FULL' }, miningSettingsSchema, async (input, actor) => {
  const db = await getDb();
  const owner = { orgId: actor.orgId, userId: actor.userId };
  return db.transaction(async (tx) => {
    const before = await getMiningSettings(tx, owner);
    await upsertMiningSettings(tx, owner, input);
    await recordAudit(tx, { orgId: actor.orgId, actorUserId: actor.userId, action: 'user.mining_settings.save', entityType: 'user', entityId: actor.userId, before, after: input });
    return input;
  });
});

export async function saveMiningSettingsAction(_prev: ActionResult<unknown> | null, form: FormData) {
  return run(formToObject(form));
}
