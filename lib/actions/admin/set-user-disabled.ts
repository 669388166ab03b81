'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { recordAudit } from '@/db/queries/admin/audit';
import { setDisabled } from '@/db/queries/admin/user-admin';
import { authorizedAction } from '@/lib/actions/action';
import { setUserDisabledSchema } from '@/lib/validation/admin-users';
import { endAccess } from '@/db/queries/auth/end-access';
import { manageableMember } from './invite-flow';

/**
 * Disables a member (their sessions end at once, their API tokens and unused links are revoked) or
 * enables them again; not oneself, not someone above one's role. A re-enabled user signs in anew and
 * makes new tokens: nothing revoked comes back.
 */
const run = authorizedAction({ module: 'user:disable', level: 'FULL' }, setUserDisabledSchema, async (input, actor) => {
  const db = await getDb();
  const now = new Date();
  const member = await manageableMember(db, actor, input.userId, { notSelf: true });
  const changed = await db.transaction(async (tx) => {
    if (!(await setDisabled(tx, member.userId, input.disabled ? now : null))) return false;
    const ended = input.disabled ? await endAccess(tx, member.userId, now) : null;
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: input.disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: member.userId,
      after: { email: member.email, ...(ended ? { sessionsEnded: ended.sessions, apiTokensRevoked: ended.tokens } : {}) },
    });
    return true;
  });
  revalidatePath('/[locale]/admin/users', 'page');
  return { changed };
});

export async function setUserDisabledAction(userId: string, disabled: boolean) {
  return run({ userId, disabled });
}
