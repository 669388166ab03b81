import { forbidden } from 'next/navigation';
import { redirect } from '@/lib/i18n/navigation';
import { type Actor, getActor } from './actor';
import { can, type Module } from './permissions';

/**
 * For pages: the signed-in actor with at least `level` on `module`. No session (or one that lost
 * its access) → the sign-in page; a role without the module → 403.
 */
export async function requirePage(locale: string, module: Module, level: 'READ' | 'FULL' = 'READ'): Promise<Actor> {
  const actor = await getActor();
  if (!actor) return redirect({ href: { pathname: '/login', query: { reason: 'session' } }, locale });
  if (!can(actor.role, module, level)) forbidden();
  return actor;
}
