'use server';

import { getDb } from '@/db';
import { recordAudit } from '@/db/queries/admin/audit';
import { updateProfile } from '@/db/queries/auth/accounts';
import { authorizedAction, formToObject, type ActionResult } from '@/lib/actions/action';
import { AppError } from '@/lib/core/errors';
import { profileSchema } from '@/lib/validation/account';

const run = authorizedAction({ module: 'basic:profile', level: 'FULL' }, profileSchema, async (input, actor) => {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const updated = await updateProfile(tx, actor.userId, input);
    if (!updated) throw new AppError('NOT_FOUND');
    await recordAudit(tx, { orgId: actor.orgId, actorUserId: actor.userId, action: 'user.profile.update', entityType: 'user', entityId: actor.userId, before: { name: actor.name, locale: actor.locale }, after: input });
    return updated;
  });
});

export async function updateProfileAction(_prev: ActionResult<unknown> | null, form: FormData) {
  return run(formToObject(form));
}
