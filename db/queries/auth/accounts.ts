import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { linkEmail } from '../crm/hosting-link';
import { accessPeriods, customers, memberships, membershipSites, organizations, users } from '../../schema';

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return row ?? null;
}

/** The user's first membership: an account belongs to one organization in this product. */
export async function findMembership(db: Db, userId: string) {
  const [row] = await db
    .select({ id: memberships.id, orgId: memberships.orgId, role: memberships.role, orgName: organizations.name })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(memberships.createdAt)
    .limit(1);
  return row ?? null;
}

/** Everything the per-request access check needs, for one user in one organization. */
export async function loadAccessContext(db: Db, userId: string, orgId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return null;
  const [membership] = await db
    .select({ id: memberships.id, role: memberships.role, orgName: organizations.name })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId)))
    .limit(1);
  if (!membership) return { user, membership: null, periods: [], siteIds: [], customerIds: [] };
  const [periods, siteRows, customerRows] = await Promise.all([
    db.select({ validFrom: accessPeriods.validFrom, validUntil: accessPeriods.validUntil }).from(accessPeriods).where(eq(accessPeriods.membershipId, membership.id)),
    db.select({ siteId: membershipSites.siteId }).from(membershipSites).where(eq(membershipSites.membershipId, membership.id)),
    // The CRM's link rule (db/queries/crm/hosting-link.ts): a customer's e-mail as typed or imported, trimmed and lower-cased.
    db.select({ id: customers.id }).from(customers).where(and(eq(customers.orgId, orgId), sql`${linkEmail(customers.email)} = ${linkEmail(sql`${user.email}::text`)}`)),
  ]);
  return { user, membership, periods, siteIds: siteRows.map((r) => r.siteId), customerIds: customerRows.map((r) => r.id) };
}

export async function recordLogin(db: Db, userId: string, at: Date) {
  await db.update(users).set({ lastLoginAt: at }).where(eq(users.id, userId));
}

export async function updateProfile(db: Db, userId: string, patch: { name: string; locale: string }) {
  const [row] = await db.update(users).set(patch).where(eq(users.id, userId)).returning({ id: users.id, name: users.name, locale: users.locale });
  return row ?? null;
}

/** What changing one's own password needs: the stored hash, and whether the account is a demo one. */
export async function passwordOf(db: Db, userId: string) {
  const [row] = await db.select({ passwordHash: users.passwordHash, isDemo: users.isDemo }).from(users).where(eq(users.id, userId)).limit(1);
  return row ?? null;
}

export async function setPasswordHash(db: Db, userId: string, passwordHash: string) {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

export async function countUsersByIds(db: Db, ids: string[]) {
  if (!ids.length) return 0;
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(inArray(users.id, ids));
  return row?.n ?? 0;
}
