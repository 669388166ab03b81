import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { accessPeriods, customers, memberships, membershipSites, sites, users } from '../../schema';
import { linkEmail } from '../crm/hosting-link';

/** A member of the organization as the administration acts on it; null when the user is not one. */
export async function findMember(db: Db, orgId: string, userId: string) {
  const [row] = await db
    .select({ userId: users.id, membershipId: memberships.id, email: users.email, name: users.name, role: memberships.role, disabledAt: users.disabledAt, isDemo: users.isDemo, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** Which of `ids` are sites of the organization: a form may only name those. */
export async function orgSiteIds(db: Db, orgId: string, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db.select({ id: sites.id }).from(sites).where(and(eq(sites.orgId, orgId), inArray(sites.id, [...ids])));
  return rows.map((r) => r.id);
}

export async function orgSites(db: Db, orgId: string) {
  return db.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.orgId, orgId)).orderBy(asc(sites.name));
}

export async function orgCustomer(db: Db, orgId: string, customerId: string) {
  const [row] = await db.select({ id: customers.id, name: customers.name, email: customers.email }).from(customers).where(and(eq(customers.orgId, orgId), eq(customers.id, customerId))).limit(1);
  return row ?? null;
}

/** Customers a CLIENT invitation may be linked to; bounded, since the form lists them. */
export async function orgCustomers(db: Db, orgId: string) {
  return db.select({ id: customers.id, name: customers.name, email: customers.email }).from(customers).where(eq(customers.orgId, orgId)).orderBy(asc(customers.name)).limit(500);
}

/**
 * The CRM's link rule (db/queries/crm/hosting-link.ts) is the e-mail: a customer without one takes
 * the invitee's, so the new CLIENT sees that customer's fleet; one with another e-mail is left alone.
 */
export async function linkCustomerEmail(db: Db, orgId: string, customerId: string, email: string) {
  await db
    .update(customers)
    .set({ email })
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId), sql`coalesce(${linkEmail(customers.email)}, '') = ''`));
}

export async function userIdByEmail(db: Db, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return row?.id ?? null;
}

/** Creates the invited account with its membership, sites and access period. */
export async function createMember(
  db: Db,
  input: { orgId: string; email: string; name: string; passwordHash: string; locale: string; role: string; siteIds: string[]; accessUntil: Date | null },
  now: Date,
) {
  const [user] = await db.insert(users).values({ email: input.email, name: input.name, passwordHash: input.passwordHash, locale: input.locale, createdAt: now }).returning({ id: users.id });
  const [m] = await db.insert(memberships).values({ userId: user!.id, orgId: input.orgId, role: input.role, createdAt: now }).returning({ id: memberships.id });
  await setMembershipSites(db, m!.id, input.siteIds);
  await setAccessUntil(db, m!.id, now, input.accessUntil);
  return { userId: user!.id, membershipId: m!.id };
}

export async function setMembershipSites(db: Db, membershipId: string, siteIds: readonly string[]) {
  await db.delete(membershipSites).where(eq(membershipSites.membershipId, membershipId));
  if (siteIds.length) await db.insert(membershipSites).values([...new Set(siteIds)].map((siteId) => ({ membershipId, siteId })));
}

/**
 * The administration edits one access period: from `from` until `until` (exclusive), or none at all
 * (open-ended) when `until` is null. Periods written otherwise (imports) are replaced by it.
 */
export async function setAccessUntil(db: Db, membershipId: string, from: Date, until: Date | null) {
  await db.delete(accessPeriods).where(eq(accessPeriods.membershipId, membershipId));
  if (until) await db.insert(accessPeriods).values({ membershipId, validFrom: from, validUntil: until });
}

export async function accessUntilOf(db: Db, membershipId: string): Promise<Date | null> {
  const [row] = await db.select({ until: sql<Date | null>`max(${accessPeriods.validUntil})` }).from(accessPeriods).where(eq(accessPeriods.membershipId, membershipId));
  return row?.until ? new Date(row.until) : null;
}

export async function updateMember(db: Db, m: { userId: string; membershipId: string }, patch: { name: string; role: string }) {
  await db.update(users).set({ name: patch.name }).where(eq(users.id, m.userId));
  await db.update(memberships).set({ role: patch.role }).where(eq(memberships.id, m.membershipId));
}

/** Sets or clears disabled_at; returns whether it changed anything. */
export async function setDisabled(db: Db, userId: string, at: Date | null): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ disabledAt: at })
    .where(and(eq(users.id, userId), at ? isNull(users.disabledAt) : sql`${users.disabledAt} is not null`))
    .returning({ id: users.id });
  return rows.length > 0;
}

export async function deleteUser(db: Db, userId: string) {
  await db.delete(users).where(eq(users.id, userId));
}
