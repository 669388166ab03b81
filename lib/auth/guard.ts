import { headers } from 'next/headers';
import { forbidden, notFound } from 'next/navigation';
import { redirect } from '@/lib/i18n/navigation';
import { type Actor, getActor, getSessionActor, getSessionClaims } from './actor';
import { can, type Module } from './permissions';
import { PATH_HEADER, safeReturnPath } from './return-path';

/**
 * For pages: the signed-in actor with at least `level` on `module`. No session (or one that lost
 * its access) → the sign-in page; a session this white-label host refuses → 404, so nothing says
 * the page exists; a role without the module → 403.
 */
export async function requirePage(locale: string, module: Module, level: 'READ' | 'FULL' = 'READ'): Promise<Actor> {
  const actor = await requireSignedIn(locale);
  if (!can(actor.role, module, level)) forbidden();
  return actor;
}

/**
 * The actor for the app shell: as requirePage, without a module. The sign-in page is told which
 * page to come back to, and says "your session has ended" only when the browser still presented a
 * signed session that the server no longer honours (signed out elsewhere, password changed,
 * disabled) — not on a first visit.
 */
export async function requireSignedIn(locale: string): Promise<Actor> {
  const actor = await getActor();
  if (actor) return actor;
  if (await getSessionActor()) notFound();
  const next = safeReturnPath((await headers()).get(PATH_HEADER));
  const ended = Boolean(await getSessionClaims());
  const query = { ...(next ? { next } : {}), ...(ended ? { reason: 'session' } : {}) };
  return redirect({ href: Object.keys(query).length ? { pathname: '/login', query } : '/login', locale });
}
