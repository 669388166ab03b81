import { signedIn } from '../helpers/signed-in';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from '@/lib/validation/zod';
import type { Db } from '@/db/client';
import { loadAccessContext } from '@/db/queries/auth/accounts';
import { hostingKpis } from '@/db/queries/hosting/fleet';
import { customerAccounts } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { Role } from '@/lib/core/roles';
import { scopeFor } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { makeUser } from '../helpers/fixtures';
import { crmFarm } from './hosting-fixture';

const stats = await import('@/app/crm/api/customer/[id]/hosting-stats/route');
const minersRoute = await import('@/app/crm/api/customer/[id]/hosting-miners/route');
const syncOne = await import('@/app/crm/api/customer/[id]/sync-hosting/route');
const syncAll = await import('@/app/crm/api/sync-all-hosting/route');
const status = await import('@/app/crm/api/sync-status/route');

let db: Db;
let drop: () => Promise<void>;
let f: Awaited<ReturnType<typeof crmFarm>>;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  f = await crmFarm(db);
});
afterAll(() => drop());

function as(role: Role, o: { org?: string; userId?: string; customers?: string[]; sites?: string[]; locale?: string } = {}) {
  const orgId = o.org ?? f.org.id;
  const actor: Actor = { userId: o.userId ?? f.owner.id, email: 'x@example.test', name: 'X', locale: o.locale ?? 'en', orgId, orgName: 'T', role, scope: scopeFor({ orgId, role, assignedSiteIds: o.sites ?? [], linkedCustomerIds: o.customers ?? [] }) };
  signedIn.actor = actor;
}
const anonymous = () => void (signedIn.actor = null);
/** Makes `userId` the customer's account manager: staff other than owners and admins reach the customers they manage. */
const manage = (customerId: string, userId: string) =>
  db.insert(customerAccounts).values({ customerId, orgId: f.org.id, ownerUserId: userId }).onConflictDoUpdate({ target: customerAccounts.customerId, set: { ownerUserId: userId } });

type Handler = (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
const call = async (h: Handler, method: string, path: string, id = '') => {
  const res = await h(new Request(`http://127.0.0.1:3000${path}`, { method, headers: { 'content-type': 'application/json' } }), { params: Promise.resolve({ id }) });
  return { status: res.status, body: await res.json(), headers: res.headers };
};
const getStats = (id: string) => call(stats.GET as Handler, 'GET', `/crm/api/customer/${id}/hosting-stats`, id);
const getMiners = (id: string, q = '') => call(minersRoute.GET as Handler, 'GET', `/crm/api/customer/${id}/hosting-miners${q}`, id);
const postSync = (id: string) => call(syncOne.POST as Handler, 'POST', `/crm/api/customer/${id}/sync-hosting`, id);
const postSyncAll = () => call(syncAll.POST as Handler, 'POST', '/crm/api/sync-all-hosting');
const getStatus = () => call(status.GET as Handler, 'GET', '/crm/api/sync-status');

// Seed 002's example responses as exact shapes: every documented field, with its type, and no other.
const num = z.number();
const statsSchema = z.strictObject({
  success: z.literal(true),
  data: z.strictObject({
    has_hosting: z.boolean(),
    user_access_id: z.string().nullable(),
    miners_count: z.number().int(),
    total_hashrate: num,
    total_power: z.number().int(),
    total_power_mw: num,
    active_miners: z.number().int(),
    offline_miners: z.number().int(),
    maintenance_miners: z.number().int(),
    estimated_daily_btc: num,
    estimated_daily_usd: num,
    avg_efficiency: num.nullable(),
    by_model: z.record(z.string(), z.strictObject({ count: z.number().int(), hashrate: num, power: z.number().int() })),
    by_status: z.strictObject({ active: z.number().int(), offline: z.number().int(), maintenance: z.number().int(), sold: z.number().int() }),
    electricity_cost_daily: num.nullable(),
    net_profit_daily: num.nullable(),
    btc_price: num,
  }),
});
const minerSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  model: z.string(),
  quantity: z.number().int(),
  hashrate: num,
  total_hashrate: num,
  power: z.number().int(),
  total_power: z.number().int(),
  status: z.enum(['active', 'offline', 'maintenance', 'sold']),
  location: z.string(),
  electricity_cost: num.nullable(),
  daily_electricity_cost: num.nullable(),
});
const minersSchema = z.strictObject({ success: z.literal(true), data: z.array(minerSchema) });
const syncSchema = z.strictObject({ success: z.literal(true), message: z.string() });
const syncAllSchema = z.strictObject({ success: z.literal(true), data: z.strictObject({ total: z.number().int(), synced: z.number().int(), skipped: z.number().int(), errors: z.number().int() }), message: z.string() });
const statusSchema = z.strictObject({
  success: z.literal(true),
  data: z.strictObject({
    total_customers: z.number().int(),
    linked_customers: z.number().int(),
    unlinked_customers: z.number().int(),
    link_rate: num,
    last_sync: z.iso.datetime().nullable(),
    sync_health: z.enum(['healthy', 'warning']),
    issues: z.array(z.string()),
  }),
});
const errorSchema = z.strictObject({ success: z.literal(false), error: z.string() });

describe('contract: each response holds to seed 002’s example shape', () => {
  it('hosting-stats', async () => {
    as('OWNER');
    const r = await getStats(f.alice.id);
    expect(r.status).toBe(200);
    statsSchema.parse(r.body);
  });
  it('hosting-miners', async () => {
    as('OWNER');
    const r = await getMiners(f.alice.id);
    expect(r.status).toBe(200);
    expect(minersSchema.parse(r.body).data).toHaveLength(5);
  });
  it('sync-hosting, sync-all-hosting, sync-status', async () => {
    as('OWNER');
    syncSchema.parse((await postSync(f.alice.id)).body);
    syncAllSchema.parse((await postSyncAll()).body);
    statusSchema.parse((await getStatus()).body);
  });
  it('errors: {success: false, error} in the user’s language', async () => {
    as('OWNER', { locale: 'zh' });
    const r = await postSync(f.bob.id);
    expect(r.status).toBe(404);
    expect(errorSchema.parse(r.body).error).toBe('未找到关联的托管账户或无矿机数据');
    as('OWNER', { locale: 'en' });
    expect((await postSync(f.bob.id)).body.error).toBe('No linked hosting account or no miner data was found.');
    as('OWNER', { locale: 'zh' });
    expect((await postSyncAll()).body.message).toMatch(/^已同步 \d+ 个客户的托管数据$/);
    expect((await postSync(f.alice.id)).body.message).toBe('托管数据同步成功');
  });
});

describe('hosting-stats: figures', () => {
  it('counts units in service, measured TH/s and W, by model and by status; sold apart', async () => {
    as('OWNER');
    const d = (await getStats(f.alice.id)).body.data;
    expect(d).toMatchObject({ has_hosting: true, user_access_id: f.aliceUser.id, miners_count: 7, maintenance_miners: 1, by_status: { active: 6, offline: 0, maintenance: 1, sold: 4 } });
    expect(d.by_model[f.s19.name].count).toBe(5);
    expect(d.by_model[f.s21.name].count).toBe(2);
    // No telemetry: miners set active count at their nameplate, the one in maintenance not at all.
    const ths = 5 * Number(f.s19.hashrateThs) + Number(f.s21.hashrateThs);
    expect(d.total_hashrate).toBeCloseTo(ths, 2);
    expect(d.total_power).toBe(5 * f.s19.powerW + f.s21.powerW);
    expect(d.total_power_mw).toBeCloseTo(d.total_power / 1e6, 4);
    expect(d.btc_price).toBe(95_000);
    expect(d.estimated_daily_usd).toBeGreaterThan(0);
    // Everything drawing is on site A, at $0.05/kWh.
    expect(d.electricity_cost_daily).toBeCloseTo((d.total_power * 24 * 0.05) / 1000, 2);
    expect(d.net_profit_daily).toBeCloseTo(d.estimated_daily_usd - d.electricity_cost_daily, 2);
  });

  it('agrees with the KPI page’s customer line (the same fleet columns and revenue)', async () => {
    as('OWNER');
    const d = (await getStats(f.alice.id)).body.data;
    const kpi = (await hostingKpis(db, scopeFor({ orgId: f.org.id, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] }), { hostCosts: false })).find((r) => r.dim === 'customer' && r.key === f.alice.id)!;
    expect([d.miners_count, d.active_miners, d.offline_miners, d.maintenance_miners]).toEqual([kpi.total, kpi.active, kpi.offline, kpi.maintenance]);
    expect(d.total_hashrate).toBeCloseTo(kpi.activeThs, 2);
  });

  it('a customer with no account is has_hosting false but still shows its miners', async () => {
    as('OWNER');
    expect((await getStats(f.bob.id)).body.data).toMatchObject({ has_hosting: false, user_access_id: null, miners_count: 1 });
    expect((await getStats(f.carol.id)).body.data).toMatchObject({ has_hosting: false, miners_count: 0, total_hashrate: 0, avg_efficiency: null });
  });
});

describe('e-mail linking: trimmed and case-insensitive, within the organization', () => {
  it('" Alice@Example.COM " links to alice@example.com; " DUP@…" to dup@…', async () => {
    as('OWNER');
    expect((await getStats(f.alice.id)).body.data.user_access_id).toBe(f.aliceUser.id);
    expect((await getStats(f.dup2.id)).body.data.has_hosting).toBe(true);
  });
  it('the CLIENT signing in with that e-mail gets that customer in its scope (one rule for both)', async () => {
    expect((await loadAccessContext(db, f.aliceUser.id, f.org.id))!.customerIds).toEqual([f.alice.id]);
  });
  it('the same e-mail in another organization links to nothing there', async () => {
    as('OWNER', { org: f.other.id, userId: f.otherOwner.id });
    expect((await getStats(f.foreign.id)).body.data).toMatchObject({ has_hosting: false, miners_count: 7 });
  });
});

describe('hosting-miners', () => {
  it('filters by administrative status, and refuses an unknown one', async () => {
    as('OWNER');
    expect((await getMiners(f.alice.id, '?status=sold')).body.data.map((m: { quantity: number }) => m.quantity)).toEqual([4]);
    expect((await getMiners(f.alice.id, '?status=maintenance')).body.data).toHaveLength(1);
    const bad = await getMiners(f.alice.id, '?status=broken');
    expect(bad.status).toBe(400);
    errorSchema.parse(bad.body);
  });
  it('lines: per unit × quantity, the site as location, cost at the client price (none on site B)', async () => {
    as('OWNER');
    const rows = (await getMiners(f.alice.id)).body.data as z.infer<typeof minerSchema>[];
    const three = rows.find((m) => m.quantity === 3)!;
    expect(three).toMatchObject({ model: f.s19.name, location: 'Alpha', status: 'active', electricity_cost: 0.05, power: f.s19.powerW, total_power: 3 * f.s19.powerW });
    expect(three.total_hashrate).toBeCloseTo(3 * three.hashrate, 1);
    expect(three.daily_electricity_cost).toBeCloseTo((3 * f.s19.powerW * 24 * 0.05) / 1000, 2);
    expect(rows.find((m) => m.location === 'Bravo')!.electricity_cost).toBeNull();
  });
  it('pages: page_size and X-Total-Count', async () => {
    as('OWNER');
    const r = await getMiners(f.alice.id, '?page=2&page_size=2');
    expect(r.body.data).toHaveLength(2);
    expect(r.headers.get('X-Total-Count')).toBe('5');
  });
});

describe('RBAC: 401, 403, 404', () => {
  it('nobody signed in: 401 on all five', async () => {
    anonymous();
    for (const r of [await getStats(f.alice.id), await getMiners(f.alice.id), await postSync(f.alice.id), await postSyncAll(), await getStatus()]) {
      expect(r.status).toBe(401);
      errorSchema.parse(r.body);
    }
  });
  it('a guest: 403 on all five; a client: 403 on sync and status', async () => {
    as('GUEST');
    for (const r of [await getStats(f.alice.id), await getMiners(f.alice.id), await postSync(f.alice.id), await postSyncAll(), await getStatus()]) expect(r.status).toBe(403);
    as('CLIENT', { userId: f.aliceUser.id, customers: [f.alice.id] });
    for (const r of [await postSync(f.alice.id), await postSyncAll(), await getStatus()]) expect(r.status).toBe(403);
  });
  it('an operator reads the customers it manages but may not sync', async () => {
    const operator = (await makeUser(db, { orgId: f.org.id, role: 'OPERATOR', siteIds: [f.a.id] })).user;
    as('OPERATOR', { userId: operator.id, sites: [f.a.id] });
    expect((await getStats(f.alice.id)).status).toBe(404);
    await manage(f.alice.id, operator.id);
    expect((await getStats(f.alice.id)).status).toBe(200);
    expect((await postSyncAll()).status).toBe(403);
  });
  it('a customer that does not exist, or a malformed id: 404', async () => {
    as('OWNER');
    expect((await getStats('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await getMiners('123')).status).toBe(404);
    expect((await postSync('not-a-uuid')).status).toBe(404);
  });
});

describe('scope: two organizations, a site-bound owner and a client', () => {
  it('another organization’s customer is a 404, as one that does not exist', async () => {
    as('OWNER', { org: f.other.id, userId: f.otherOwner.id });
    for (const r of [await getStats(f.alice.id), await getMiners(f.alice.id), await postSync(f.alice.id)]) expect(r.status).toBe(404);
    as('OWNER');
    expect((await getStats(f.foreign.id)).status).toBe(404);
  });
  it('a client reads only itself', async () => {
    as('CLIENT', { userId: f.aliceUser.id, customers: [f.alice.id] });
    expect((await getStats(f.alice.id)).body.data.miners_count).toBe(7);
    expect((await getMiners(f.alice.id)).body.data).toHaveLength(5);
    expect((await getStats(f.bob.id)).status).toBe(404);
    expect((await getMiners(f.bob.id)).status).toBe(404);
  });
  it('a site-bound owner sees the customers it manages (as on the CRM list), and only their miners on its sites', async () => {
    as('MINING_SITE_OWNER', { userId: f.siteOwnerB.id, sites: [f.b.id] });
    expect((await getStats(f.alice.id)).status).toBe(404);
    await manage(f.alice.id, f.siteOwnerB.id);
    const d = (await getStats(f.alice.id)).body.data;
    expect(d).toMatchObject({ miners_count: 1, maintenance_miners: 1 });
    expect((await getStats(f.bob.id)).status).toBe(404);
    const all = await postSyncAll();
    expect(all.body.data.total).toBe(1);
    expect((await getStatus()).body.data.total_customers).toBe(1);
  });
});
