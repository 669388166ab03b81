import { and, asc, eq, isNull } from 'drizzle-orm';
import { normalizeRole, SITE_SCOPED_ROLES } from '@/lib/core/roles';
import type { Db } from '../../client';
import { memberships, membershipSites, miners, users } from '../../schema';

const STAFF = new Set(['OWNER', 'ADMIN', 'MINING_SITE_OWNER', 'OPERATOR']);

export type Assignee = { id: string; name: string; email: string };

/**
 * Staff who can work a ticket: owners and admins always; site-bound staff when the ticket's site is
 * theirs (for a customer-only ticket, a site hosting that customer's miners). Without a target, every
 * staff member (the new-ticket dialog before a target is chosen). Roles are stored as free text, so
 * they are normalised here rather than filtered in SQL.
 */
export async function listAssignees(db: Db, orgId: string, target?: { siteId: string | null; customerId: string | null }): Promise<Assignee[]> {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, role: memberships.role, siteId: membershipSites.siteId })
    .from(memberships)
    .innerJoin(users, and(eq(users.id, memberships.userId), isNull(users.disabledAt)))
    .leftJoin(membershipSites, eq(membershipSites.membershipId, memberships.id))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(users.name));
  const ticketSites = target ? await sitesOf(db, orgId, target) : null;
  const byUser = new Map<string, Assignee & { role: string; sites: Set<string> }>();
  for (const r of rows) {
    const role = normalizeRole(r.role);
    if (!STAFF.has(role)) continue;
    const u = byUser.get(r.id) ?? { id: r.id, name: r.name, email: r.email, role, sites: new Set<string>() };
    if (r.siteId) u.sites.add(r.siteId);
    byUser.set(r.id, u);
  }
  return [...byUser.values()]
    .filter((u) => !ticketSites || !SITE_SCOPED_ROLES.includes(u.role as never) || ticketSites.some((s) => u.sites.has(s)))
    .map(({ id, name, email }) => ({ id, name, email }));
}

async function sitesOf(db: Db, orgId: string, target: { siteId: string | null; customerId: string | null }): Promise<string[]> {
  if (target.siteId) return [target.siteId];
  if (!target.customerId) return [];
  const rows = await db
    .selectDistinct({ siteId: miners.siteId })
    .from(miners)
    .where(and(eq(miners.orgId, orgId), eq(miners.customerId, target.customerId)));
  return rows.map((r) => r.siteId);
}
