import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { isOrgWide, type Scope } from '@/lib/core/scope';
import type { Db } from '../../client';
import { accessPeriods, customers, memberships, membershipSites, sites, users } from '../../schema';
import { linkEmail } from '../crm/hosting-link';
import { type PageRequest, pageOf, windowTotal } from '../pagination';
import { customerScope, scopeWhere } from '../scope';

/**
 * Members the scope may see. A site owner sees the staff assigned to one of its sites and the users
 * of customers hosted there (linked by email, as lib/auth/actor.ts links them), not the rest of the
 * organization; owners and administrators see everyone.
 */
function memberScope(scope: Scope): SQL {
  if (isOrgWide(scope)) return eq(memberships.orgId, scope.orgId);
  if (scope.sites === 'all' || !scope.sites.length) return sql`false`;
  return and(
    eq(memberships.orgId, scope.orgId),
    sql`(exists (select 1 from ${membershipSites} ms where ms.membership_id = ${memberships.id} and ${inArray(sql`ms.site_id`, scope.sites)})
      or exists (select 1 from ${customers} where ${customers.email} = ${users.email} and ${customerScope(scope)}))`,
  )!;
}

export async function listUsers(db: Db, scope: Scope, req: PageRequest) {
  // A member's other sites are none of a site owner's business: only the sites in scope are named.
  const siteJoin = and(eq(sites.id, membershipSites.siteId), scopeWhere({ siteId: sites.id }, scope));
  const query = db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      disabledAt: users.disabledAt,
      lastLoginAt: users.lastLoginAt,
      sites: sql<string[]>`coalesce(array_agg(${sites.name} order by ${sites.name}) filter (where ${sites.id} is not null), '{}')`,
      siteIds: sql<string[]>`coalesce(array_agg(${sites.id}::text order by ${sites.name}) filter (where ${sites.id} is not null), '{}')`,
      // The access end the administration edits (db/queries/admin/user-admin.ts keeps one period).
      accessUntil: sql<string | null>`(select max(ap.valid_until) from ${accessPeriods} ap where ap.membership_id = ${memberships.id})`,
      // The customer a CLIENT is linked to by e-mail (the CRM's rule), for the list to show.
      customerName: sql<string | null>`(select c.name from ${customers} c where c.org_id = ${memberships.orgId} and ${linkEmail(sql`c.email`)} = ${linkEmail(users.email)} order by c.name limit 1)`,
      total: windowTotal(),
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(membershipSites, eq(membershipSites.membershipId, memberships.id))
    .leftJoin(sites, siteJoin)
    .where(memberScope(scope))
    .groupBy(users.id, memberships.id)
    .orderBy(asc(memberships.role), asc(users.email));
  return pageOf(req, query);
}
