import { signedIn } from '../helpers/signed-in';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPlanRate } from '@/components/billing/plan-price';
import type { Db } from '@/db/client';
import { publicPlansForBrand } from '@/db/queries/crm/hosting-plans';
import { auditLog, brands, hostingPlans } from '@/db/schema';
import { formData, testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeOrg, makeSite, makeUser } from '../helpers/fixtures';

// Seed 004's public price list for a hosting business: plans per site written through the real
// server actions (scope, validation, audit), and what each brand's landing page lists.

const { createHostingPlanAction } = await import('@/lib/actions/crm/create-hosting-plan');
const { deleteHostingPlanAction } = await import('@/lib/actions/crm/delete-hosting-plan');

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let siteA: string;
let siteB: string;
let ownerId: string;
let brandA: { id: string; orgId: string };
let brandB: { id: string; orgId: string };
let otherBrand: { id: string; orgId: string };

const owner = () => testActor(orgId, 'OWNER', ownerId);
const create = (fields: Record<string, string>) => createHostingPlanAction(null, formData(fields));

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  orgId = (await makeOrg(db)).id;
  siteA = (await makeSite(db, orgId, 'Alpha Hydro')).id;
  siteB = (await makeSite(db, orgId, 'Beta Wind')).id;
  ownerId = (await makeUser(db, { orgId, role: 'OWNER' })).user.id;
  [brandA, brandB] = await db.insert(brands).values([{ orgId, subdomain: 'plans-a', displayName: 'A' }, { orgId, subdomain: 'plans-b', displayName: 'B' }]).returning({ id: brands.id, orgId: brands.orgId }) as [typeof brandA, typeof brandB];
  const otherOrg = (await makeOrg(db, 'Other')).id;
  otherBrand = (await db.insert(brands).values({ orgId: otherOrg, subdomain: 'plans-other', displayName: 'O' }).returning({ id: brands.id, orgId: brands.orgId }))[0]!;
  const otherSite = (await makeSite(db, otherOrg)).id;
  await db.insert(hostingPlans).values({ orgId: otherOrg, siteId: otherSite, name: 'Theirs', pricing: 'per_kwh', rate: 1 });
});
afterAll(async () => drop());

describe('hosting plans', () => {
  it('stores the price in the contract units: $0.065/kWh → 6,500 m¢, $45.50 a miner-month → 4,550 ¢; audited', async () => {
    signedIn.actor = owner();
    const kwh = await create({ siteId: siteA, name: 'Hydro flex', pricing: 'per_kwh', rateUsd: '0.065', minTermMonths: '12', published: 'on' });
    const miner = await create({ siteId: siteB, brandId: brandB.id, name: 'Wind fixed', pricing: 'per_miner_month', rateUsd: '45.50', minTermMonths: '6', published: 'on' });
    await create({ siteId: siteB, name: 'Draft', pricing: 'per_kw_reserved', rateUsd: '80', minTermMonths: '1' });
    expect([kwh.ok, miner.ok]).toEqual([true, true]);
    const rows = await db.select().from(hostingPlans).where(eq(hostingPlans.orgId, orgId));
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect([byName['Hydro flex']!.rate, byName['Wind fixed']!.rate, byName.Draft!.rate, byName.Draft!.published]).toEqual([6_500, 4_550, 8_000, false]);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, 'crm.plan.create')))).toHaveLength(3);
  });

  it('refuses bad input with field errors and writes nothing; a second plan of that name at the site is "taken"', async () => {
    signedIn.actor = owner();
    const before = (await db.select().from(hostingPlans)).length;
    expect(await create({ siteId: siteA, name: 'Neg', pricing: 'per_kwh', rateUsd: '-0.01', minTermMonths: '12' })).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { rateUsd: 'positive' } });
    expect(await create({ siteId: siteA, name: 'Six', pricing: 'per_kwh', rateUsd: '0.123456', minTermMonths: '12' })).toMatchObject({ ok: false, fieldErrors: { rateUsd: 'number' } });
    expect(await create({ siteId: siteA, name: 'Hydro flex', pricing: 'per_kwh', rateUsd: '0.07', minTermMonths: '12' })).toMatchObject({ ok: false, fieldErrors: { name: 'taken' } });
    expect(await create({ siteId: siteA, brandId: otherBrand.id, name: 'X', pricing: 'per_kwh', rateUsd: '0.07', minTermMonths: '12' })).toMatchObject({ ok: false, fieldErrors: { brandId: 'invalid' } });
    expect((await db.select().from(hostingPlans)).length).toBe(before);
  });

  it('only staff who manage customers write plans, and a site owner only on its sites', async () => {
    signedIn.actor = testActor(orgId, 'OPERATOR', ownerId, [siteA]);
    expect(await create({ siteId: siteA, name: 'Op', pricing: 'per_kwh', rateUsd: '0.05', minTermMonths: '1' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    signedIn.actor = testActor(orgId, 'CLIENT', ownerId);
    expect(await create({ siteId: siteA, name: 'Cl', pricing: 'per_kwh', rateUsd: '0.05', minTermMonths: '1' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    signedIn.actor = testActor(orgId, 'MINING_SITE_OWNER', ownerId, [siteA]);
    expect(await create({ siteId: siteB, name: 'Elsewhere', pricing: 'per_kwh', rateUsd: '0.05', minTermMonths: '1' })).toMatchObject({ ok: false, fieldErrors: { siteId: 'invalid' } });
  });

  it("a brand's landing lists its organization's published plans for every brand or for it, cheapest first per site", async () => {
    const a = await publicPlansForBrand(db, brandA);
    const b = await publicPlansForBrand(db, brandB);
    expect(a.map((p) => p.name)).toEqual(['Hydro flex']);
    expect(b.map((p) => [p.site, p.name])).toEqual([['Alpha Hydro', 'Hydro flex'], ['Beta Wind', 'Wind fixed']]);
    expect((await publicPlansForBrand(db, otherBrand)).map((p) => p.name)).toEqual(['Theirs']);
  });

  it('formats each rate in its own unit', () => {
    expect(formatPlanRate('per_kwh', 6_500, 'en')).toBe('$0.0650');
    expect(formatPlanRate('per_kwh', 4_567, 'en')).toBe('$0.04567');
    expect(formatPlanRate('per_miner_month', 4_550, 'en')).toBe('$45.50');
  });

  it("removes a plan in scope (audited); another organization's is not found", async () => {
    signedIn.actor = owner();
    const [draft] = await db.select().from(hostingPlans).where(eq(hostingPlans.name, 'Draft'));
    expect(await deleteHostingPlanAction({ id: draft!.id })).toMatchObject({ ok: true });
    const [theirs] = await db.select().from(hostingPlans).where(eq(hostingPlans.name, 'Theirs'));
    expect(await deleteHostingPlanAction({ id: theirs!.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await db.select().from(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, 'crm.plan.delete')))).toHaveLength(1);
  });
});
