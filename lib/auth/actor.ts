import { cache } from 'react';
import { getDb } from '@/db';
import { loadAccessContext } from '@/db/queries/auth/accounts';
import { sessionIsLive } from '@/db/queries/auth/sessions';
import { env } from '@/lib/env';
import { hostAdmits } from '@/lib/brands/host-access';
import { actorFromAccess } from './actor-from-access';
import { auth } from './auth';
import type { Principal } from '@/lib/core/principal';
import type { Role } from '@/lib/core/roles';

/** The signed-in principal, with what pages show of them. */
export type Actor = Principal & {
  email: string;
  name: string;
  locale: string;
  orgName: string;
  role: Role;
};

export type SessionClaims = { userId: string; orgId: string; sessionId: string };

/** What the session cookie says, when it is validly signed and unexpired; nothing here is checked against the database. */
export const getSessionClaims = cache(async (): Promise<SessionClaims | null> => {
  const user = (await auth())?.user;
  return user?.id && user.orgId && user.sessionId ? { userId: user.id, orgId: user.orgId, sessionId: user.sessionId } : null;
});

/**
 * The signed-in user, re-read from the database on every request: the JWT only says who they are
 * and which session it belongs to, while the session's standing, role, assigned sites, customer
 * link and access period come fresh, so a sign-out elsewhere, a change or an expired period takes
 * effect on the next click.
 */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const claims = await getSessionClaims();
  return claims ? actorFor(claims, new Date()) : null;
});

/**
 * The actor for pages, actions and routes: the session's user, unless this request's host is a
 * white-label brand they do not belong to (lib/brands/host-access.ts). Then they are nobody here.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const actor = await getSessionActor();
  if (!actor) return null;
  const linkedCustomerIds = actor.scope.customers === 'all' ? [] : actor.scope.customers;
  return (await hostAdmits({ orgId: actor.orgId, role: actor.role, linkedCustomerIds })) ? actor : null;
});

export async function actorFor({ userId, orgId, sessionId }: SessionClaims, now: Date): Promise<Actor | null> {
  const db = await getDb();
  const [ctx, live] = await Promise.all([loadAccessContext(db, userId, orgId), sessionIsLive(db, sessionId, userId, now)]);
  return live ? actorFromAccess(ctx, { userId, orgId }, { demoMode: env().demoMode, now }) : null;
}
