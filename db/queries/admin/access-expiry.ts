import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { accessPeriods, memberships, users } from '../../schema';
import { recordAudit } from './audit';
import { setDisabled } from './user-admin';
import { endAccess } from '../auth/end-access';

export type ExpiredMember = { userId: string; membershipId: string; orgId: string; email: string; name: string; locale: string; until: string };

/**
 * Enabled accounts whose every access period has ended by `now` (a membership without periods is
 * open-ended and never listed). Demo accounts are the demo's own business.
 */
export async function expiredMembers(db: Db, now: Date): Promise<ExpiredMember[]> {
  const rows = await db
    .select({
      userId: users.id,
      membershipId: memberships.id,
      orgId: memberships.orgId,
      email: users.email,
      name: users.name,
      locale: users.locale,
      until: sql<string>`max(${accessPeriods.validUntil})`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(accessPeriods, eq(accessPeriods.membershipId, memberships.id))
    .where(and(isNull(users.disabledAt), eq(users.isDemo, false)))
    .groupBy(users.id, memberships.id)
    .having(sql`bool_and(${accessPeriods.validUntil} is not null and ${accessPeriods.validUntil} <= ${now.toISOString()}::timestamptz)`);
  return rows.map((r) => ({ ...r, until: new Date(r.until).toISOString() }));
}

/**
 * Disables one expired account and ends its sessions, tokens and links, audited; false when it was
 * already disabled (a rerun), so nothing is written twice.
 */
export async function disableExpired(db: Db, m: ExpiredMember, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await setDisabled(tx, m.userId, now))) return false;
    const ended = await endAccess(tx, m.userId, now);
    await recordAudit(tx, { orgId: m.orgId, actorUserId: null, action: 'user.access_expired', entityType: 'user', entityId: m.userId, after: { email: m.email, until: m.until, sessionsEnded: ended.sessions, apiTokensRevoked: ended.tokens } });
    return true;
  });
}
