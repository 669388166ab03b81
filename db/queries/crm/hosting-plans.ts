import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';

import type { Db } from '../../client';
import { pgErrorCode } from '../../errors';
import { brands, hostingPlans, sites } from '../../schema';
import { recordAudit } from '../admin/audit';
import { scopeWhere } from '../scope';
import { fieldError } from './tx';

export type PlanInput = { siteId: string; brandId?: string; name: string; pricing: 'per_kwh' | 'per_miner_month' | 'per_kw_reserved'; rate: number; minTermMonths: number; notes?: string; published: boolean };

const planColumns = {
  id: hostingPlans.id,
  siteId: hostingPlans.siteId,
  site: sites.name,
  location: sites.location,
  brandId: hostingPlans.brandId,
  brand: brands.displayName,
  name: hostingPlans.name,
  pricing: hostingPlans.pricing,
  rate: hostingPlans.rate,
  minTermMonths: hostingPlans.minTermMonths,
  notes: hostingPlans.notes,
  published: hostingPlans.published,
};

/** The organization's plans on the sites the user may see (staff), by site then name. */
export async function listHostingPlans(db: Db, scope: Scope) {
  return db
    .select(planColumns)
    .from(hostingPlans)
    .innerJoin(sites, eq(sites.id, hostingPlans.siteId))
    .leftJoin(brands, eq(brands.id, hostingPlans.brandId))
    .where(scopeWhere({ orgId: hostingPlans.orgId, siteId: hostingPlans.siteId }, scope))
    .orderBy(asc(sites.name), asc(hostingPlans.name));
}
export type HostingPlanRow = Awaited<ReturnType<typeof listHostingPlans>>[number];

/** What a brand's landing page lists: its organization's published plans for every brand or for this one. */
export async function publicPlansForBrand(db: Db, brand: { id: string; orgId: string }) {
  return db
    .select(planColumns)
    .from(hostingPlans)
    .innerJoin(sites, eq(sites.id, hostingPlans.siteId))
    .leftJoin(brands, eq(brands.id, hostingPlans.brandId))
    .where(and(eq(hostingPlans.orgId, brand.orgId), eq(hostingPlans.published, true), or(isNull(hostingPlans.brandId), eq(hostingPlans.brandId, brand.id))))
    .orderBy(asc(sites.name), asc(hostingPlans.rate));
}

/**
 * Adds a plan on a site the user may manage (its brand, if named, of the same organization); a
 * second plan of the same name at the site is a field error. Audited.
 */
export async function createHostingPlan(db: Db, scope: Scope, input: PlanInput, actorUserId: string | null): Promise<string> {
  return db.transaction(async (tx) => {
    const [site] = await tx.select({ id: sites.id }).from(sites).where(and(eq(sites.id, input.siteId), scopeWhere({ orgId: sites.orgId, siteId: sites.id }, scope)));
    if (!site) throw fieldError('siteId');
    if (input.brandId) {
      const [brand] = await tx.select({ id: brands.id }).from(brands).where(and(eq(brands.id, input.brandId), eq(brands.orgId, scope.orgId)));
      if (!brand) throw fieldError('brandId');
    }
    let id: string;
    try {
      [{ id }] = (await tx
        .insert(hostingPlans)
        .values({ orgId: scope.orgId, siteId: input.siteId, brandId: input.brandId ?? null, name: input.name, pricing: input.pricing, rate: input.rate, minTermMonths: input.minTermMonths, notes: input.notes ?? null, published: input.published })
        .returning({ id: hostingPlans.id })) as [{ id: string }];
    } catch (error) {
      if (pgErrorCode(error) === '23505') throw fieldError('name', 'taken');
      throw error;
    }
    await recordAudit(tx, { orgId: scope.orgId, actorUserId, action: 'crm.plan.create', entityType: 'hosting_plan', entityId: id, after: input, siteIds: [input.siteId] });
    return id;
  });
}

/** Removes a plan in scope (a contract made from it keeps its own terms); 404 when outside the scope. */
export async function deleteHostingPlan(db: Db, scope: Scope, id: string, actorUserId: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(hostingPlans)
      .where(and(eq(hostingPlans.id, id), scopeWhere({ orgId: hostingPlans.orgId, siteId: hostingPlans.siteId }, scope)))
      .returning();
    if (!gone) throw new AppError('NOT_FOUND');
    await recordAudit(tx, { orgId: scope.orgId, actorUserId, action: 'crm.plan.delete', entityType: 'hosting_plan', entityId: id, before: { name: gone.name, pricing: gone.pricing, rate: gone.rate }, siteIds: [gone.siteId] });
  });
}
