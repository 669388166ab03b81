import { and, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Principal } from '@/lib/core/principal';
import type { Scope } from '@/lib/core/scope';
import type { AnnouncementInput } from '@/lib/validation/crm';
import type { Db } from '../../client';
import { announcementReads, announcements, brands, customers, miners, sites, users } from '../../schema';
import { recordAudit } from '../admin/audit';
import { type PageRequest, pageOf, windowTotal } from '../pagination';
import { isCrmAdmin } from './scope';
import { fieldError } from './tx';

/** Staff's list: every announcement of the organization, newest publication first, with how many have read each. */
export async function listAnnouncements(db: Db, who: Principal, req: PageRequest) {
  const query = db
    .select({
      id: announcements.id,
      title: announcements.title,
      body: announcements.body,
      publishAt: announcements.publishAt,
      expiresAt: announcements.expiresAt,
      tier: announcements.tier,
      siteName: sites.name,
      brandName: brands.displayName,
      authorName: users.name,
      reads: sql<number>`(select count(*)::int from ${announcementReads} where ${announcementReads.announcementId} = ${announcements.id})`,
      total: windowTotal(),
    })
    .from(announcements)
    .leftJoin(sites, eq(sites.id, announcements.siteId))
    .leftJoin(brands, eq(brands.id, announcements.brandId))
    .leftJoin(users, eq(users.id, announcements.createdByUserId))
    .where(eq(announcements.orgId, who.orgId))
    .orderBy(desc(announcements.publishAt), desc(announcements.id));
  return pageOf(req, query);
}

/** Owners and administrators publish to the organization's clients; the site, tier and brand must be the organization's. */
export async function createAnnouncement(db: Db, who: Principal, input: AnnouncementInput, now: Date) {
  if (!isCrmAdmin(who)) throw new AppError('FORBIDDEN', 'Only owners and administrators publish announcements');
  return db.transaction(async (tx) => {
    if (input.siteId && !(await tx.select({ id: sites.id }).from(sites).where(and(eq(sites.orgId, who.orgId), eq(sites.id, input.siteId)))).length) throw fieldError('siteId');
    if (input.brandId && !(await tx.select({ id: brands.id }).from(brands).where(and(eq(brands.orgId, who.orgId), eq(brands.id, input.brandId)))).length) throw fieldError('brandId');
    const publishAt = input.publishAt ?? now;
    if (input.expiresAt && input.expiresAt <= publishAt) throw fieldError('expiresAt', 'outOfRange');
    const [row] = await tx
      .insert(announcements)
      .values({ orgId: who.orgId, title: input.title, body: input.body, siteId: input.siteId, tier: input.tier, brandId: input.brandId, publishAt, expiresAt: input.expiresAt, createdByUserId: who.userId, createdAt: now })
      .returning({ id: announcements.id });
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'announcement.create', entityType: 'announcement', entityId: row!.id, siteIds: [input.siteId], before: null, after: { title: input.title, siteId: input.siteId, tier: input.tier, brandId: input.brandId, publishAt: publishAt.toISOString() } });
    return row!;
  });
}

/**
 * What the portal shows a viewer now: published, not expired, and aimed at one of its customers
 * (a site where the customer has miners, its tier, its brand; an unset target matches all). Staff,
 * whose scope is every customer, see every live announcement. Unread ones first.
 */
export async function portalAnnouncements(db: Db, scope: Scope, userId: string, now: Date, limit = 5) {
  const aimed =
    scope.customers === 'all'
      ? sql`true`
      : scope.customers.length
        ? sql`exists (select 1 from ${customers} c where c.id in (${sql.join(
            scope.customers.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}) and c.org_id = ${announcements.orgId}
            and (${announcements.tier} is null or c.tier = ${announcements.tier})
            and (${announcements.brandId} is null or c.brand_id = ${announcements.brandId})
            and (${announcements.siteId} is null or exists (select 1 from ${miners} m where m.customer_id = c.id and m.site_id = ${announcements.siteId})))`
        : sql`false`;
  const read = sql<Date | null>`(select ${announcementReads.readAt} from ${announcementReads} where ${announcementReads.announcementId} = ${announcements.id} and ${announcementReads.userId} = ${userId})`;
  return db
    .select({ id: announcements.id, title: announcements.title, body: announcements.body, publishAt: announcements.publishAt, readAt: read })
    .from(announcements)
    .where(and(eq(announcements.orgId, scope.orgId), sql`${announcements.publishAt} <= ${now.toISOString()}::timestamptz`, sql`(${announcements.expiresAt} is null or ${announcements.expiresAt} > ${now.toISOString()}::timestamptz)`, aimed))
    .orderBy(sql`${read} is not null`, desc(announcements.publishAt))
    .limit(limit);
}

/** Marks one the viewer can see as read (again is a no-op); one it cannot see is NOT_FOUND. */
export async function markAnnouncementRead(db: Db, who: Principal, id: string, now: Date) {
  const visible = await portalAnnouncements(db, who.scope, who.userId, now, 1000);
  if (!visible.some((a) => a.id === id)) throw new AppError('NOT_FOUND');
  await db.insert(announcementReads).values({ announcementId: id, userId: who.userId, readAt: now }).onConflictDoNothing();
  return { id };
}

/** The sites and brands an announcement may be aimed at (the organization's), for the form's selects. */
export async function audienceOptions(db: Db, orgId: string) {
  const [siteRows, brandRows] = await Promise.all([
    db.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.orgId, orgId)).orderBy(sites.name),
    db.select({ id: brands.id, name: brands.displayName }).from(brands).where(eq(brands.orgId, orgId)).orderBy(brands.displayName),
  ]);
  return { sites: siteRows, brands: brandRows };
}
