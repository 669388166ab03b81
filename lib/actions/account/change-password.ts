'use server';

import { getDb } from '@/db';
import { recordAudit } from '@/db/queries/admin/audit';
import { passwordOf, setPasswordHash } from '@/db/queries/auth/accounts';
import { clearRateLimit, reserveRateLimits } from '@/db/queries/auth/rate-limit';
import { revokeUserApiTokens } from '@/db/queries/auth/api-tokens';
import { revokeUserSessions } from '@/db/queries/auth/sessions';
import { authorizedAction, formToObject, type ActionResult } from '@/lib/actions/action';
import { AppError } from '@/lib/core/errors';
import { getSessionClaims } from '@/lib/auth/actor';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { passwordChangeSchema } from '@/lib/validation/account';

/** Tries at the current password per account in the window, so a borrowed session cannot guess it. */
const PASSWORD_CHANGE_LIMIT = { windowS: 15 * 60, tries: 5 } as const;

/**
 * Whoever else holds a session of this account (often the reason to change the password) is signed
 * out, and the account's API tokens revoked, in the same transaction as the new hash is stored; the
 * session making the change stays.
 */
const run = authorizedAction({ module: 'basic:profile', level: 'FULL' }, passwordChangeSchema, async (input, actor) => {
  const db = await getDb();
  const now = new Date();
  const key = `password-change:${actor.userId}`;
  const [account, session] = await Promise.all([passwordOf(db, actor.userId), getSessionClaims()]);
  if (!account) throw new AppError('NOT_FOUND');
  if (!session) throw new AppError('UNAUTHENTICATED');
  // The demo password is printed on the login page for every visitor; one of them must not lock out the rest.
  if (account.isDemo) throw new AppError('FORBIDDEN', 'Demo accounts keep their password', { currentPassword: 'demoPassword' });
  // Reserved before the check, as at sign-in, so concurrent guesses cannot all pass a count read first.
  const reserved = await reserveRateLimits(db, [{ key, max: PASSWORD_CHANGE_LIMIT.tries }], PASSWORD_CHANGE_LIMIT.windowS, now);
  if (!reserved.ok) throw new AppError('RATE_LIMITED');
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) throw new AppError('VALIDATION', 'Wrong current password', { currentPassword: 'wrongPassword' });
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, actor.userId, passwordHash);
    await revokeUserSessions(tx, actor.userId, now, session.sessionId);
    await revokeUserApiTokens(tx, actor.userId, now);
    await recordAudit(tx, { orgId: actor.orgId, actorUserId: actor.userId, action: 'user.password.change', entityType: 'user', entityId: actor.userId });
    await clearRateLimit(tx, key);
  });
  return null;
});

export async function changePasswordAction(_prev: ActionResult<unknown> | null, form: FormData) {
  return run(formToObject(form));
}
