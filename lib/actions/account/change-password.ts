'use server';

import { getDb } from '@/db';
import { recordAudit } from '@/db/queries/audit';
import { passwordOf, setPasswordHash } from '@/db/queries/auth';
import { clearRateLimit, hitRateLimit, peekRateLimit } from '@/db/queries/rate-limit';
import { authorizedAction, formToObject, type ActionResult } from '@/lib/actions/action';
import { AppError } from '@/lib/api/errors';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { passwordChangeSchema } from '@/lib/validation/account';

/** Wrong current passwords allowed per account in the window, so a borrowed session cannot guess it. */
const PASSWORD_CHANGE_LIMIT = { windowS: 15 * 60, failures: 5 } as const;

const run = authorizedAction({ module: 'basic:profile', level: 'FULL' }, passwordChangeSchema, async (input, actor) => {
  const db = await getDb();
  const now = new Date();
  const key = `password-change:${actor.userId}`;
  const account = await passwordOf(db, actor.userId);
  if (!account) throw new AppError('NOT_FOUND');
  // The demo password is printed on the login page for every visitor; one of them must not lock out the rest.
  if (account.isDemo) throw new AppError('FORBIDDEN', 'Demo accounts keep their password', { currentPassword: 'demoPassword' });
  const failures = await peekRateLimit(db, key, PASSWORD_CHANGE_LIMIT.windowS, now);
  if (failures && failures.count >= PASSWORD_CHANGE_LIMIT.failures) throw new AppError('RATE_LIMITED');
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
    await hitRateLimit(db, key, PASSWORD_CHANGE_LIMIT.windowS, now);
    throw new AppError('VALIDATION', 'Wrong current password', { currentPassword: 'wrongPassword' });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, actor.userId, passwordHash);
    await recordAudit(tx, { orgId: actor.orgId, actorUserId: actor.userId, action: 'user.password.change', entityType: 'user', entityId: actor.userId });
  });
  await clearRateLimit(db, key);
  return null;
});

export async function changePasswordAction(_prev: ActionResult<unknown> | null, form: FormData) {
  return run(formToObject(form));
}
