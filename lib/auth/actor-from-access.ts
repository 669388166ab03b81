import type { loadAccessContext } from '@/db/queries/auth/accounts';
import type { Actor } from './actor';
import { accessDenial } from './access';
import { normalizeRole } from '@/lib/core/roles';
import { scopeFor } from '@/lib/core/scope';

type AccessContext = NonNullable<Awaited<ReturnType<typeof loadAccessContext>>>;

/**
 * The actor a user is in an organization right now, or null when they may not act (disabled, outside
 * every access period, a demo user outside demo mode, no membership). One rule for a session and for
 * an API token, so a token can never do what its user could not; free of next-auth, so token routes
 * do not load it.
 */
export function actorFromAccess(ctx: AccessContext | null, who: { userId: string; orgId: string }, at: { demoMode: boolean; now: Date }): Actor | null {
  if (!ctx) return null;
  const denial = accessDenial({
    disabledAt: ctx.user.disabledAt,
    isDemo: ctx.user.isDemo,
    demoMode: at.demoMode,
    hasMembership: Boolean(ctx.membership),
    periods: ctx.periods,
    now: at.now,
  });
  if (denial || !ctx.membership) return null;
  const role = normalizeRole(ctx.membership.role);
  return {
    userId: who.userId,
    email: ctx.user.email,
    name: ctx.user.name,
    locale: ctx.user.locale,
    orgId: who.orgId,
    orgName: ctx.membership.orgName,
    role,
    scope: scopeFor({ orgId: who.orgId, role, assignedSiteIds: ctx.siteIds, linkedCustomerIds: ctx.customerIds }),
  };
}
