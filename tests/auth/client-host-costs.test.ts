import { signedIn } from '../helpers/signed-in';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { hostingKpis } from '@/db/queries/hosting/fleet';
import { getMiner } from '@/db/queries/hosting/miners';
import { miners, sites } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { seesHostCosts } from '@/lib/auth/permissions';
import { ROLES, type Role } from '@/lib/core/roles';
import { scopeFor } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

// The route runs for real against the test database; only the signed-in user is stood in for.

let db: Db;
let drop: () => Promise<void>;
const id: Record<string, string> = {};
// Distinctive prices, so their absence from an answer means something.
const SITE_PRICE = '0.04321';
const OVERRIDE_PRICE = '0.06789';

const actor = (role: Role, userId: string, customerIds: string[] = []): Actor => ({
  userId,
  email: 'x@example.test',
  name: 'X',
  locale: 'en',
  orgId: id.org!,
  orgName: 'Host Co',
  role,
  scope: scopeFor({ orgId: id.org!, role, assignedSiteIds: [], linkedCustomerIds: customerIds }),
});

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  const org = await makeOrg(db);
  const site = await makeSite(db, org.id, 'Alpha');
  await db.update(sites).set({ electricityUsdPerKwh: SITE_PRICE }).where(eq(sites.id, site.id));
  const customer = await makeCustomer(db, org.id, 'client@example.test');
  const own = await makeMiner(db, { orgId: org.id, siteId: site.id, customerId: customer.id });
  const priced = await makeMiner(db, { orgId: org.id, siteId: site.id, customerId: customer.id });
  await db.update(miners).set({ electricityUsdPerKwhOverride: OVERRIDE_PRICE }).where(eq(miners.id, priced.id));
  const owner = await makeUser(db, { orgId: org.id, role: 'OWNER' });
  const client = await makeUser(db, { orgId: org.id, role: 'CLIENT', email: 'client@example.test' });
  Object.assign(id, { org: org.id, customer: customer.id, own: own.id, priced: priced.id, owner: owner.user.id, client: client.user.id });
});
afterAll(() => drop());

describe('who sees the host’s costs', () => {
  it('staff who may read the sites do; a CLIENT and a guest do not', () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, seesHostCosts(r)]))).toEqual({ OWNER: true, ADMIN: true, MINING_SITE_OWNER: true, OPERATOR: true, CLIENT: false, GUEST: false });
  });
});

describe('the data loaders leave the host’s costs out for a CLIENT', () => {
  it('hostingKpis computes no electricity cost for a CLIENT, in any breakdown', async () => {
    const client = actor('CLIENT', id.client!, [id.customer!]);
    const rows = await hostingKpis(db, client.scope, { hostCosts: seesHostCosts(client.role) });
    // 'active' is the measured state since issue 13: with no telemetry and no pool worker both are unknown.
    expect(rows.find((r) => r.dim === 'all')).toMatchObject({ total: 2, active: 0, unknown: 2 });
    expect(rows.map((r) => r.costUsdPerDay)).toEqual(rows.map(() => null));
    const owner = actor('OWNER', id.owner!);
    const staff = await hostingKpis(db, owner.scope, { hostCosts: seesHostCosts(owner.role) });
    expect(staff.find((r) => r.dim === 'all')!.costUsdPerDay).toBeGreaterThan(0);
  });

  it('getMiner selects no electricity price for a CLIENT', async () => {
    const client = actor('CLIENT', id.client!, [id.customer!]);
    for (const minerId of [id.own!, id.priced!]) {
      const miner = await getMiner(db, client.scope, minerId, { hostCosts: seesHostCosts(client.role) });
      expect(miner).toMatchObject({ id: minerId });
      expect(Object.keys(miner!)).not.toContain('siteUsdPerKwh');
      expect(Object.keys(miner!)).not.toContain('electricityUsdPerKwhOverride');
    }
    const owner = actor('OWNER', id.owner!);
    expect(await getMiner(db, owner.scope, id.priced!, { hostCosts: seesHostCosts(owner.role) })).toMatchObject({ siteUsdPerKwh: SITE_PRICE, electricityUsdPerKwhOverride: OVERRIDE_PRICE });
  });

  it('GET /api/hosting/miners/[id] sends a CLIENT no price, staff both', async () => {
    const { GET } = await import('@/app/api/hosting/miners/[id]/route');
    const get = async (who: Actor, minerId: string) => {
      signedIn.actor = who;
      const res = await GET(new Request(`http://127.0.0.1/api/hosting/miners/${minerId}`), { params: Promise.resolve({ id: minerId }) });
      expect(res.status).toBe(200);
      return res.text();
    };
    const clientJson = await get(actor('CLIENT', id.client!, [id.customer!]), id.priced!);
    expect(clientJson).toContain(id.priced);
    for (const leak of [SITE_PRICE, OVERRIDE_PRICE, 'siteUsdPerKwh', 'electricityUsdPerKwhOverride']) expect(clientJson).not.toContain(leak);
    const staffJson = await get(actor('OWNER', id.owner!), id.priced!);
    expect(staffJson).toContain(SITE_PRICE);
    expect(staffJson).toContain(OVERRIDE_PRICE);
  });
});
