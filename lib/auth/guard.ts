import { forbidden, notFound } from 'next/navigation';
import { redirect } from '@/lib/i18n/navigation';
import { type Actor, getActor, getSessionActor } from './actor';
import { can, type Module } from './permissions';

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

/** The actor for the app shell: as requirePage, without a module. */
export async function requireSignedIn(locale: string): Promise<Actor> {
  const actor = await getActor();
  if (actor) return actor;
  if (await getSessionActor()) notFound();
  return redirect({ href: { pathname: '/login', query: { reason: 'session' } }, locale });
}
