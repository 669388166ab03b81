'use server';

import { getDb } from '@/db';
import { revokeUserSessions } from '@/db/queries/auth/sessions';
import { getSessionActor } from '@/lib/auth/actor';
import { signOut } from '@/lib/auth/auth';
import { isLocale } from '@/lib/i18n/routing';

/**
 * Ends every session of the signed-in user, this one included (a lost phone, a shared computer).
 * Only a live session may ask, so a cookie that was already revoked cannot keep signing its owner out.
 */
export async function signOutEverywhereAction(locale: string): Promise<void> {
  const actor = await getSessionActor();
  if (actor) await revokeUserSessions(await getDb(), actor.userId, new Date());
  await signOut({ redirectTo: `/${isLocale(locale) ? locale : 'en'}/login` });
}
