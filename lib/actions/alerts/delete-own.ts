import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { recordAudit } from '@/db/queries/admin/audit';
import type { Owner } from '@/db/queries/alerts/mining-settings';
import { authorizedAction } from '@/lib/actions/action';
import { AppError } from '@/lib/core/errors';
import { idSchema } from '@/lib/validation/alerts';

/**
 * Deletes one of the signed-in user's own alert objects (a rule, a channel) and records it in the
 * audit log in the same transaction; NOT_FOUND when the id is not theirs.
 */
export function deleteOwnAction(remove: (tx: Db, owner: Owner, id: string) => Promise<unknown>, audit: { action: string; entityType: string }) {
  return authorizedAction({ module: 'basic:settings', level: 'FULL' }, idSchema, async ({ id }, actor) => {
    const db = await getDb();
    return db.transaction(async (tx) => {
      const deleted = await remove(tx, { orgId: actor.orgId, userId: actor.userId }, id);
      if (!deleted) throw new AppError('NOT_FOUND');
      await recordAudit(tx, { orgId: actor.orgId, actorUserId: actor.userId, ...audit, entityId: id, before: deleted });
      return { id };
    });
  });
}
