import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { brands, customers } from '@/db/schema';
import { DEMO_BRANDS, seedDemoBrands } from '@/db/seed/brands';
import { buildDemoFarm } from '@/db/seed/demo-farm';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeOrg } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
const farm = buildDemoFarm().customers;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
});
afterAll(async () => drop());

describe('demo brands', () => {
  it('put client@demo.local’s customer in acme, are idempotent and keep a manual reassignment', async () => {
    const org = await makeOrg(db);
    for (const c of farm.slice(0, 12)) await makeCustomer(db, org.id, c.email);
    await seedDemoBrands(db, org.id, farm);
    await seedDemoBrands(db, org.id, farm);
    const rows = await db.select({ subdomain: brands.subdomain, id: brands.id }).from(brands).where(eq(brands.orgId, org.id));
    expect(rows.map((r) => r.subdomain).sort()).toEqual(['acme', 'nova']);
    const brandOf = async (email: string) => (await db.select({ brandId: customers.brandId }).from(customers).where(eq(customers.email, email)))[0]!.brandId;
    const acme = rows.find((r) => r.subdomain === 'acme')!.id;
    const nova = rows.find((r) => r.subdomain === 'nova')!.id;
    expect(farm[0]!.email).toBe('client@demo.local');
    expect(await brandOf('client@demo.local')).toBe(acme);
    for (const key of DEMO_BRANDS[1].customerKeys) expect(await brandOf(farm[key]!.email)).toBe(nova);
    expect(await brandOf(farm[2]!.email)).toBeNull();
    // An admin's later move survives the seed running again.
    await db.update(customers).set({ brandId: nova }).where(eq(customers.email, 'client@demo.local'));
    await seedDemoBrands(db, org.id, farm);
    expect(await brandOf('client@demo.local')).toBe(nova);
  });

  it('leaves a subdomain another organization holds alone', async () => {
    const other = await makeOrg(db, 'Other');
    await seedDemoBrands(db, other.id, farm);
    expect(await db.select().from(brands).where(eq(brands.orgId, other.id))).toEqual([]);
  });
});
