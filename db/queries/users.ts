import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { memberships, membershipSites, sites, users } from '../schema';
import { offsetOf, type PageRequest, toPage } from './pagination';

export async function listUsers(db: Db, orgId: string, req: PageRequest) {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      disabledAt: users.disabledAt,
      lastLoginAt: users.lastLoginAt,
      sites: sql<string[]>`coalesce(array_agg(${sites.name} order by ${sites.name}) filter (where ${sites.id} is not null), '{}')`,
      total: sql<number>`count(*) over()::int`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(membershipSites, eq(membershipSites.membershipId, memberships.id))
    .leftJoin(sites, eq(sites.id, membershipSites.siteId))
    .where(eq(memberships.orgId, orgId))
    .groupBy(users.id, memberships.id)
    .orderBy(asc(memberships.role), asc(users.email))
    .limit(req.pageSize)
    .offset(offsetOf(req));
  return toPage(rows, rows[0]?.total ?? 0, req);
}
