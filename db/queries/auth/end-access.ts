import type { Db } from '../../client';
import { revokeUserApiTokens } from './api-tokens';
import { closeUserOneTimeTokens } from './one-time-tokens';
import { revokeUserSessions } from './sessions';

/**
 * Everything that lets the account act, ended at once: its sessions (checked on every request, so
 * the next click lands on the login page), its API tokens and its unused one-time links. Disabling,
 * deleting, expiry and a password reset call it inside their transaction.
 */
export async function endAccess(db: Db, userId: string, now: Date, keepSession?: string) {
  const [sessions, tokens] = [await revokeUserSessions(db, userId, now, keepSession), await revokeUserApiTokens(db, userId, now)];
  await closeUserOneTimeTokens(db, userId, now);
  return { sessions, tokens };
}
