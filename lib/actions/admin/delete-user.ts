'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { recordAudit } from '@/db/queries/admin/audit';
import { deleteUser } from '@/db/queries/admin/user-admin';
import { authorizedAction } from '@/lib/actions/action';
import { normalizeRole } from '@/lib/core/roles';
import { userIdSchema } from '@/lib/validation/admin-users';
import { manageableMember } from './invite-flow';

/**
 * Deletes an account (owners only, by the matrix; never one's own). Its sessions, tokens and links go
 * with it (ON DELETE CASCADE); the audit log keeps who it was, since its entries outlive the row.
 */
const run = authorizedAction({ module: 'user:delete', level: 'FULL' }, userIdSchema, async (input, actor) => {
  const db = await getDb();
  const member = await manageableMember(db, actor, input.userId, { notSelf: true });
  await db.transaction(async (tx) => {
    await recordAudit(tx, { orgId: actor.orgId, actorUserId: actor.userId, action: 'user.delete', entityType: 'user', entityId: member.userId, before: { email: member.email, name: member.name, role: normalizeRole(member.role) } });
    await deleteUser(tx, member.userId);
  });
  revalidatePath('/[locale]/admin/users', 'page');
  return null;
});

export async function deleteUserAction(userId: string) {
  return run({ userId });
}
