import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listMinerModels, listMiners } from '@/db/queries/hosting/miners';
import { minerModels, miners } from '@/db/schema';
import { ensureMinerModels } from '@/db/seed/ensure-miner-models';
import { scopeFor } from '@/lib/core/scope';
import { parseIpRange } from '@/lib/domain/hosting/ip-range';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeOrg, makeSite } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
const ids: Record<string, string> = {};
let models: { id: number; name: string }[];
const page = { page: 1, pageSize: 25 };

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  await ensureMinerModels(db);
  models = await db.select({ id: minerModels.id, name: minerModels.name }).from(minerModels).orderBy(minerModels.name).limit(2);
  const org = await makeOrg(db);
  orgId = org.id;
  const a = await makeSite(db, orgId, 'Alpha');
  const b = await makeSite(db, orgId, 'Bravo');
  const acme = await makeCustomer(db, orgId, 'acme@example.test');
  const zen = await makeCustomer(db, orgId, 'zen@example.test');
  Object.assign(ids, { a: a.id, b: b.id, acme: acme.id, zen: zen.id });
  const statuses = ['active', 'offline', 'maintenance', 'sold'] as const;
  // 30 miners: 20 at Alpha (10.1.0.x), 10 at Bravo (10.2.0.x); every third is Acme's, every third + 1 is Zen's.
  await db.insert(miners).values(
    Array.from({ length: 30 }, (_, i) => ({
      orgId,
      siteId: i < 20 ? a.id : b.id,
      customerId: i % 3 === 0 ? acme.id : i % 3 === 1 ? zen.id : null,
      modelId: models[i % 2]!.id,
      name: `M-${String(i).padStart(2, '0')}`,
      serial: `SN-${i}`,
      ipAddress: i < 20 ? `10.1.0.${i + 1}` : `10.2.0.${i + 1}`,
      macAddress: `AA:BB:CC:00:00:${i.toString(16).padStart(2, '0')}`,
      workerName: `w.${i}`,
      status: statuses[i % 4]!,
    })),
  );
  const other = await makeOrg(db, 'Other');
  const x = await makeSite(db, other.id, 'Xray');
  await db.insert(miners).values({ orgId: other.id, siteId: x.id, modelId: models[0]!.id, name: 'M-00', ipAddress: '10.1.0.1' });
});
afterAll(() => drop());

const owner = () => scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] });

describe('listMiners', () => {
  it('pages with the total and per-status counts of the filtered set, only within the org', async () => {
    const r = await listMiners(db, owner(), {}, page);
    expect(r.total).toBe(30);
    expect(r.rows).toHaveLength(25);
    expect(r.pageCount).toBe(2);
    expect(r.counts).toEqual({ all: 30, active: 8, offline: 8, maintenance: 7, sold: 7 });
    expect(r.rows[0]!.name).toBe('M-00');
  });

  it('keeps the counts of the other statuses when a status is chosen, and a page past the end still counts', async () => {
    const r = await listMiners(db, owner(), { status: 'offline' }, page);
    expect(r.total).toBe(8);
    expect(r.rows.every((m) => m.status === 'offline')).toBe(true);
    expect(r.counts.active).toBe(8);
    const past = await listMiners(db, owner(), {}, { page: 9, pageSize: 25 });
    expect(past.rows).toEqual([]);
    expect(past.total).toBe(30);
  });

  it('filters by site, customer, house-owned, model and IP range', async () => {
    expect((await listMiners(db, owner(), { siteId: ids.b }, page)).total).toBe(10);
    expect((await listMiners(db, owner(), { customerId: ids.acme }, page)).total).toBe(10);
    expect((await listMiners(db, owner(), { customerId: 'none' }, page)).total).toBe(10);
    expect((await listMiners(db, owner(), { modelId: models[1]!.id }, page)).total).toBe(15);
    expect((await listMiners(db, owner(), { ip: parseIpRange('10.2.0.0/16')! }, page)).total).toBe(10);
    const range = await listMiners(db, owner(), { ip: parseIpRange('10.1.0.3-10.1.0.5')! }, page);
    expect(range.rows.map((m) => m.ipAddress)).toEqual(['10.1.0.3', '10.1.0.4', '10.1.0.5']);
  });

  it('searches name, serial, IP, MAC, worker and customer name', async () => {
    const names = async (q: string) => (await listMiners(db, owner(), { q }, { page: 1, pageSize: 100 })).rows.map((m) => m.name);
    expect(await names('m-07')).toEqual(['M-07']);
    expect(await names('SN-29')).toEqual(['M-29']);
    expect(await names('10.2.0.25')).toEqual(['M-24']);
    expect(await names('cc:00:00:1d')).toEqual(['M-29']);
    expect(await names('w.13')).toEqual(['M-13']);
    const acmeName = (await listMiners(db, owner(), { customerId: ids.acme }, page)).rows[0]!.customerName!;
    expect(await names(acmeName)).toHaveLength(10);
    expect(await names('100%')).toEqual([]);
  });

  it('keeps the search column in step with edits and matches any case', async () => {
    const names = async (q: string) => (await listMiners(db, owner(), { q }, { page: 1, pageSize: 100 })).rows.map((m) => m.name);
    const [m] = await db.select({ id: miners.id }).from(miners).where(eq(miners.name, 'M-05'));
    await db.update(miners).set({ name: 'Rack7-Spare', macAddress: null }).where(eq(miners.id, m!.id));
    expect(await names('RACK7-s')).toEqual(['Rack7-Spare']);
    expect(await names('cc:00:00:05')).toEqual([]);
    await db.update(miners).set({ name: 'M-05', macAddress: 'AA:BB:CC:00:00:05' }).where(eq(miners.id, m!.id));
    expect(await names('aa:bb:cc:00:00:05')).toEqual(['M-05']);
  });

  it('sorts by every column in both directions', async () => {
    const first = async (sort: 'name' | 'model' | 'site' | 'customer' | 'status' | 'ip', dir: 'asc' | 'desc') => (await listMiners(db, owner(), {}, { ...page, sort, dir })).rows[0]!;
    expect((await first('name', 'desc')).name).toBe('M-29');
    expect((await first('site', 'desc')).siteName).toBe('Bravo');
    expect((await first('ip', 'desc')).ipAddress).toBe('10.2.0.30');
    expect((await first('ip', 'asc')).ipAddress).toBe('10.1.0.1');
    expect((await first('status', 'asc')).status).toBe('active');
    expect((await first('status', 'desc')).status).toBe('sold');
    expect((await first('model', 'desc')).modelName).toBe(models[1]!.name);
    // House-owned miners (no customer) sort last either way.
    expect((await first('customer', 'desc')).customerName).not.toBeNull();
  });

  it('limits site-bound and client scopes', async () => {
    const operator = scopeFor({ orgId, role: 'OPERATOR', assignedSiteIds: [ids.b!], linkedCustomerIds: [] });
    expect((await listMiners(db, operator, {}, page)).counts.all).toBe(10);
    const client = scopeFor({ orgId, role: 'CLIENT', assignedSiteIds: [], linkedCustomerIds: [ids.zen!] });
    const r = await listMiners(db, client, {}, page);
    expect(r.total).toBe(10);
    expect(r.rows.every((m) => m.customerId === ids.zen)).toBe(true);
  });

  it('lists models with the miner count in scope', async () => {
    const rows = await listMinerModels(db, owner());
    expect(rows.find((m) => m.id === models[0]!.id)?.miners).toBe(15);
    expect(rows.filter((m) => m.miners === 0).length).toBeGreaterThan(0);
  });
});
