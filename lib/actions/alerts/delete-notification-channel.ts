'use server';

import { getDb } from '@/db';
import { recordAudit } from '@/db/queries/admin/audit';
import { deleteChannel } from '@/db/queries/alerts/notification-channels';
import { authorizedAction } from '@/lib/actions/action';
import { AppError } from '@/lib/core/errors';
import { idSchema } from '@/lib/validation/alerts';

const run = authorizedAction({ module: 'basic:settings', level: 'FULL' }, idSchema, async ({ id }, actor) => {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const deleted = await deleteChannel(tx, { orgId: actor.orgId, userId: actor.userId }, id);
    if (!deleted) throw new AppError('NOT_FOUND');
    await recordAudit(tx, { orgId: actor.orgId, actorUserId: actor.userId, action: 'notification_channel.delete', entityType: 'notification_channel', entityId: id, before: deleted });
    return { id };
  });
});

export async function deleteNotificationChannelAction(id: string) {
  return run({ id });
}
