import { and, asc, eq, ilike, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { pgErrorCode } from '../../errors';
import { brands, customers } from '../../schema';
import { recordAudit } from '../admin/audit';
import { type PageRequest, pageOf, windowTotal } from '../pagination';
import { customerScope } from '../scope';
import { AppError } from '@/lib/core/errors';
import type { Principal } from '@/lib/core/principal';
import { isOrgWide, type Scope } from '@/lib/core/scope';
import { logoSummary } from '@/lib/domain/brands/logo';
import type { BrandInput } from '@/lib/validation/brands';

export type Brand = typeof brands.$inferSelect;

/** The org's brands with how many customers each has, a page at a time. */
export async function listBrands(db: Db, orgId: string, req: PageRequest) {
  const query = db
    .select({
      id: brands.id,
      subdomain: brands.subdomain,
      displayName: brands.displayName,
      logo: brands.logo,
      primaryColor: brands.primaryColor,
      accentColor: brands.accentColor,
      enabled: brands.enabled,
      // Spelled out: in a one-table select drizzle leaves column names unqualified, which inside this subquery would mean customers.id.
      customers: sql<number>`(select count(*)::int from ${customers} c where c.brand_id = "brands"."id")`,
      total: windowTotal(),
    })
    .from(brands)
    .where(eq(brands.orgId, orgId))
    .orderBy(asc(brands.displayName), asc(brands.id));
  return pageOf(req, query);
}

/** One brand of the org, or null (another org's brand is answered like a missing one). */
export async function getBrand(db: Db, orgId: string, id: string): Promise<Brand | null> {
  const [row] = await db.select().from(brands).where(and(eq(brands.orgId, orgId), eq(brands.id, id)));
  return row ?? null;
}

/** The brand a host names, across organizations (the subdomain is globally unique); disabled ones included, the caller decides. */
export async function findBrandBySubdomain(db: Db, subdomain: string): Promise<Brand | null> {
  const [row] = await db.select().from(brands).where(eq(brands.subdomain, subdomain.toLowerCase()));
  return row ?? null;
}

/** The brands of the customers a user is linked to (null for a customer without one). */
export async function customerBrandIds(db: Db, orgId: string, customerIds: string[]): Promise<(string | null)[]> {
  if (!customerIds.length) return [];
  const rows = await db
    .select({ brandId: customers.brandId })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), inArray(customers.id, customerIds)));
  return rows.map((r) => r.brandId);
}

const auditView = (b: Pick<Brand, 'subdomain' | 'displayName' | 'logo' | 'primaryColor' | 'accentColor' | 'supportEmail' | 'enabled'>) => ({
  subdomain: b.subdomain,
  displayName: b.displayName,
  logo: logoSummary(b.logo),
  primaryColor: b.primaryColor,
  accentColor: b.accentColor,
  supportEmail: b.supportEmail,
  enabled: b.enabled,
});

function subdomainTaken(error: unknown): never {
  if (pgErrorCode(error) === '23505') throw new AppError('CONFLICT', 'This subdomain is taken', { subdomain: 'invalid' });
  throw error;
}

/** A brand is the whole organization's (its look on every page of its customers): owners and administrators only. */
function assertOrgWide(who: Principal) {
  if (!isOrgWide(who.scope)) throw new AppError('FORBIDDEN');
}

export async function createBrand(db: Db, who: Principal, input: BrandInput): Promise<Brand> {
  assertOrgWide(who);
  return db
    .transaction(async (tx) => {
      const [brand] = await tx
        .insert(brands)
        .values({ orgId: who.orgId, ...input })
        .returning();
      await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'brand.create', entityType: 'brand', entityId: brand!.id, before: null, after: auditView(brand!) });
      return brand!;
    })
    .catch(subdomainTaken);
}

export async function updateBrand(db: Db, who: Principal, id: string, input: BrandInput): Promise<Brand> {
  assertOrgWide(who);
  return db
    .transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(brands)
        .where(and(eq(brands.orgId, who.orgId), eq(brands.id, id)))
        .for('update');
      if (!before) throw new AppError('NOT_FOUND');
      const [after] = await tx
        .update(brands)
        .set({ ...input, updatedAt: sql`now()` })
        .where(eq(brands.id, id))
        .returning();
      await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'brand.update', entityType: 'brand', entityId: id, before: auditView(before), after: auditView(after!) });
      return after!;
    })
    .catch(subdomainTaken);
}

/**
 * Customers the actor may put in a brand (its customer scope), matching `q`, with the brand each is
 * in now, a page at a time. The brand's own customers come first.
 */
export async function listBrandCustomerCandidates(db: Db, scope: Scope, brandId: string, q: string | undefined, req: PageRequest) {
  const like = q ? `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  const query = db
    .select({
      id: customers.id,
      name: customers.name,
      email: customers.email,
      brandId: customers.brandId,
      brandName: brands.displayName,
      total: windowTotal(),
    })
    .from(customers)
    .leftJoin(brands, eq(brands.id, customers.brandId))
    .where(and(customerScope(scope), like ? ilike(customers.name, like) : undefined))
    .orderBy(sql`${customers.brandId} is not distinct from ${brandId} desc`, asc(customers.name), asc(customers.id));
  return pageOf(req, query);
}

/** Moves one customer into a brand of the org, or out of any (brandId null); audited. Out-of-scope customer or foreign brand → 404. */
export async function setCustomerBrand(db: Db, who: Principal, customerId: string, brandId: string | null) {
  return db.transaction(async (tx) => {
    const [customer] = await tx
      .select({ id: customers.id, brandId: customers.brandId })
      .from(customers)
      .where(and(customerScope(who.scope), eq(customers.id, customerId)))
      .for('update');
    if (!customer) throw new AppError('NOT_FOUND');
    if (brandId && !(await getBrand(tx, who.orgId, brandId))) throw new AppError('NOT_FOUND');
    if (customer.brandId === brandId) return { changed: false };
    await tx.update(customers).set({ brandId, updatedAt: sql`now()` }).where(eq(customers.id, customerId));
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'customer.brand', entityType: 'customer', entityId: customerId, before: { brandId: customer.brandId }, after: { brandId } });
    return { changed: true };
  });
}
