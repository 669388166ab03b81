'use server';

import { getDb } from '@/db';
import { revokeSession } from '@/db/queries/auth/sessions';
import { getSessionClaims } from '@/lib/auth/actor';
import { signOut } from '@/lib/auth/auth';
import { isLocale } from '@/lib/i18n/routing';

/**
 * Ends this session on the server, then clears the cookie, so a copy of the cookie stops working too.
 * The revocation is done here and not left to next-auth's signOut event, which logs and swallows its
 * errors: a failure must stop the sign-out rather than clear the cookie over a session that still works.
 */
export async function signOutAction(locale: string): Promise<void> {
  const claims = await getSessionClaims();
  if (claims) await revokeSession(await getDb(), claims.sessionId, new Date());
  await signOut({ redirectTo: `/${isLocale(locale) ? locale : 'en'}/login` });
}
