import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { listMiners } from '@/db/queries/hosting/miners';
import { brands, customers } from '@/db/schema';
import { BRAND_HEADER } from '@/lib/brands/header';
import type { Role } from '@/lib/core/roles';
import { scopeFor } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeMiner, makeOrg, makeSite } from '../helpers/fixtures';

// hostAdmits reads the brand header that proxy.ts sets and looks the brand up in the real test
// database; only the request (next/headers) is stood in for, since no server is running.
const state = vi.hoisted(() => ({ db: undefined as unknown, subdomain: null as string | null, host: '127.0.0.1:3000' }));
vi.mock('@/db', () => ({ getDb: async () => state.db }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: state.host, ...(state.subdomain ? { 'x-hi-brand-subdomain': state.subdomain } : {}) }) }));

const { hostAdmits } = await import('@/lib/brands/host-access');
const { getHostBrand } = await import('@/lib/brands/host-brand');

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let otherOrgId: string;
const c: Record<string, string> = {};

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  state.db = db;
  orgId = (await makeOrg(db)).id;
  otherOrgId = (await makeOrg(db, 'Other')).id;
  const [acme, nova] = await db
    .insert(brands)
    .values([
      { orgId, subdomain: 'acme', displayName: 'Acme' },
      { orgId, subdomain: 'nova', displayName: 'Nova' },
    ])
    .returning();
  await db.insert(brands).values({ orgId, subdomain: 'retired', displayName: 'Retired', enabled: false });
  const site = await makeSite(db, orgId);
  for (const key of ['acmeA', 'acmeB', 'nova', 'none']) c[key] = (await makeCustomer(db, orgId)).id;
  await db.update(customers).set({ brandId: acme!.id }).where(eq(customers.id, c.acmeA!));
  await db.update(customers).set({ brandId: acme!.id }).where(eq(customers.id, c.acmeB!));
  await db.update(customers).set({ brandId: nova!.id }).where(eq(customers.id, c.nova!));
  for (const key of ['acmeA', 'acmeA', 'acmeB', 'nova', 'none']) await makeMiner(db, { orgId, siteId: site.id, customerId: c[key]! });
});
afterAll(async () => drop());

const who = (role: Role, linked: string[] = [], org = orgId) => ({ orgId: org, role, linkedCustomerIds: linked });
const on = (subdomain: string | null) => {
  state.subdomain = subdomain;
};

describe('which host a request is on', () => {
  it('resolves a known, an unknown and a disabled subdomain', async () => {
    on(null);
    expect(await getHostBrand()).toEqual({ kind: 'default' });
    on('acme');
    expect(await getHostBrand()).toMatchObject({ kind: 'brand', brand: { subdomain: 'acme', displayName: 'Acme' } });
    on('nosuch');
    expect(await getHostBrand()).toEqual({ kind: 'unknown', subdomain: 'nosuch' });
    on('retired');
    expect((await getHostBrand()).kind).toBe('unknown');
  });
  it('uses the header name proxy.ts writes', () => {
    expect(BRAND_HEADER).toBe('x-hi-brand-subdomain');
  });

  it('falls back to the Host header when the proxy’s header is missing (a render inside a server action’s redirect)', async () => {
    on(null);
    state.host = 'acme.localhost:3000';
    expect(await getHostBrand()).toMatchObject({ kind: 'brand', brand: { subdomain: 'acme' } });
    expect(await hostAdmits(who('CLIENT', [c.nova!]))).toBe(false);
    state.host = 'www.localhost:3000';
    expect(await getHostBrand()).toEqual({ kind: 'default' });
    state.host = '127.0.0.1:3000';
  });
});

describe('who may use a brand host', () => {
  it('admits everyone signed in on the default host', async () => {
    on(null);
    expect(await hostAdmits(who('CLIENT', [c.nova!]))).toBe(true);
    expect(await hostAdmits(who('OWNER', [], otherOrgId))).toBe(true);
  });

  it('admits the brand’s clients and the owning staff, refuses the rest', async () => {
    on('acme');
    expect(await hostAdmits(who('CLIENT', [c.acmeA!]))).toBe(true);
    expect(await hostAdmits(who('CLIENT', [c.none!, c.acmeB!]))).toBe(true);
    expect(await hostAdmits(who('CLIENT', [c.nova!]))).toBe(false);
    expect(await hostAdmits(who('CLIENT', [c.none!]))).toBe(false);
    expect(await hostAdmits(who('CLIENT', []))).toBe(false);
    expect(await hostAdmits(who('OWNER'))).toBe(true);
    expect(await hostAdmits(who('OPERATOR'))).toBe(true);
    expect(await hostAdmits(who('GUEST'))).toBe(false);
    expect(await hostAdmits(who('OWNER', [], otherOrgId))).toBe(false);
    // A client id from another organization does not count, even if it were in the brand.
    expect(await hostAdmits(who('CLIENT', [c.acmeA!], otherOrgId))).toBe(false);
  });

  it('refuses everyone on an unknown or disabled subdomain', async () => {
    for (const sub of ['nosuch', 'retired']) {
      on(sub);
      expect(await hostAdmits(who('OWNER'))).toBe(false);
      expect(await hostAdmits(who('CLIENT', [c.acmeA!]))).toBe(false);
    }
  });

  it('follows a customer moved to another brand at once', async () => {
    on('nova');
    expect(await hostAdmits(who('CLIENT', [c.acmeB!]))).toBe(false);
    await db.update(customers).set({ brandId: (await db.select().from(brands).where(eq(brands.subdomain, 'nova')))[0]!.id }).where(eq(customers.id, c.acmeB!));
    expect(await hostAdmits(who('CLIENT', [c.acmeB!]))).toBe(true);
  });

  it('shows an admitted client only its own customer’s miners', async () => {
    const scope = scopeFor({ orgId, role: 'CLIENT', assignedSiteIds: [], linkedCustomerIds: [c.acmeA!] });
    const list = await listMiners(db, scope, {}, { page: 1, pageSize: 50 });
    expect(list.total).toBe(2);
    expect(new Set(list.rows.map((m) => m.customerId))).toEqual(new Set([c.acmeA]));
  });
});
