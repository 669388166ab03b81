import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { memberships, membershipSites, sites, users } from '../../schema';
import { recordAudit } from '../admin/audit';
import { siteScope } from '../scope';
import { AppError } from '@/lib/core/errors';
import type { Principal } from '@/lib/core/principal';
import type { Scope } from '@/lib/core/scope';
import { normalizeRole, SITE_SCOPED_ROLES } from '@/lib/core/roles';
import type { SiteInput } from '@/lib/validation/hosting';


/** People who can be assigned to a site: the organization's site owners and operators (legacy role names included). */
export async function listSiteMemberCandidates(db: Db, orgId: string) {
  const rows = await db
    .select({ membershipId: memberships.id, role: memberships.role, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(users.name);
  return rows.map((r) => ({ ...r, role: normalizeRole(r.role) })).filter((r) => SITE_SCOPED_ROLES.includes(r.role));
}

export async function getSiteForEdit(db: Db, scope: Scope, id: string) {
  const [site] = await db.select().from(sites).where(and(siteScope(scope), eq(sites.id, id)));
  if (!site) return null;
  const members = await db.select({ membershipId: membershipSites.membershipId }).from(membershipSites).where(eq(membershipSites.siteId, id));
  return { ...site, memberIds: members.map((m) => m.membershipId) };
}

const fields = (i: Omit<SiteInput, 'memberIds'>) => ({ name: i.name, location: i.location, timeZone: i.timeZone, energySource: i.energySource, contractedKw: i.contractedKw, electricityUsdPerKwh: i.electricityUsdPerKwh, clientUsdPerKwh: i.clientUsdPerKwh ?? null });

function uniqueName(error: unknown): never {
  for (let e = error as Record<string, unknown> | undefined, d = 0; e && d < 3; e = e.cause as Record<string, unknown> | undefined, d++) {
    if (e.code === '23505') throw new AppError('CONFLICT', 'A site with this name exists', { name: 'invalid' });
  }
  throw error;
}

/** Replaces the site's members with `memberIds`, accepting only site owners and operators of this organization. */
async function setMembers(tx: Db, orgId: string, siteId: string, memberIds: string[]) {
  const allowed = new Set((await listSiteMemberCandidates(tx, orgId)).map((c) => c.membershipId));
  const bad = memberIds.filter((id) => !allowed.has(id));
  if (bad.length) throw new AppError('VALIDATION', 'Unknown member', { memberIds: 'invalid' });
  const before = (await tx.select({ id: membershipSites.membershipId }).from(membershipSites).where(eq(membershipSites.siteId, siteId))).map((r) => r.id).sort();
  await tx.delete(membershipSites).where(eq(membershipSites.siteId, siteId));
  if (memberIds.length) await tx.insert(membershipSites).values([...new Set(memberIds)].map((membershipId) => ({ membershipId, siteId })));
  return before;
}

export async function createSite(db: Db, who: Principal, input: SiteInput) {
  return db
    .transaction(async (tx) => {
      const [site] = await tx.insert(sites).values({ orgId: who.orgId, ...fields(input) }).returning();
      // A site owner who creates a site keeps seeing it.
      const [own] = who.scope.sites === 'all' ? [] : await tx.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.userId, who.userId), eq(memberships.orgId, who.orgId)));
      const memberIds = own ? [...new Set([...input.memberIds, own.id])] : input.memberIds;
      await setMembers(tx, who.orgId, site!.id, memberIds);
      await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'site.create', entityType: 'site', entityId: site!.id, siteIds: [site!.id], before: null, after: { ...fields(input), memberIds } });
      return site!;
    })
    .catch(uniqueName);
}

export async function updateSite(db: Db, who: Principal, id: string, input: SiteInput) {
  return db
    .transaction(async (tx) => {
      const [before] = await tx.select().from(sites).where(and(siteScope(who.scope), eq(sites.id, id))).for('update');
      if (!before) throw new AppError('NOT_FOUND');
      const [after] = await tx.update(sites).set({ ...fields(input), updatedAt: sql`now()` }).where(eq(sites.id, id)).returning();
      const beforeMembers = await setMembers(tx, who.orgId, id, input.memberIds);
      await recordAudit(tx, {
        orgId: who.orgId,
        actorUserId: who.userId,
        action: 'site.update',
        entityType: 'site',
        entityId: id,
        siteIds: [id],
        before: { ...fields(before), memberIds: beforeMembers },
        after: { ...fields(input), memberIds: [...input.memberIds].sort() },
      });
      return after!;
    })
    .catch(uniqueName);
}

/**
 * Saves the rack map's naming pattern of a site in the writer's scope (null goes back to the default),
 * with an audit entry. The caller has validated the pattern (lib/domain/hosting/rack-layout).
 */
export async function setSiteLayoutPattern(db: Db, who: Principal, id: string, pattern: string | null) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ layoutPattern: sites.layoutPattern }).from(sites).where(and(siteScope(who.scope), eq(sites.id, id))).for('update');
    if (!before) throw new AppError('NOT_FOUND');
    await tx.update(sites).set({ layoutPattern: pattern, updatedAt: sql`now()` }).where(eq(sites.id, id));
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'site.layout_pattern', entityType: 'site', entityId: id, siteIds: [id], before, after: { layoutPattern: pattern } });
  });
}
