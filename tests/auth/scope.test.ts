import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listCustomers } from '@/db/queries/hosting/customers';
import { fleetSummary } from '@/db/queries/hosting/fleet';
import { getMiner, listMiners } from '@/db/queries/hosting/miners';
import { listSites } from '@/db/queries/hosting/sites';
import { scopeFor } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeMiner, makeTwoOrgs } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
const ids: Record<string, string> = {};
const page = { page: 1, pageSize: 50 };

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const { org, other, a, b, x } = await makeTwoOrgs(db);
  const c1 = await makeCustomer(db, org.id, 'one@example.test');
  const c2 = await makeCustomer(db, org.id, 'two@example.test');
  const cx = await makeCustomer(db, other.id, 'x@example.test');
  Object.assign(ids, { org: org.id, other: other.id, a: a.id, b: b.id, c1: c1.id, c2: c2.id });
  ids.m1 = (await makeMiner(db, { orgId: org.id, siteId: a.id, customerId: c1.id })).id;
  ids.m2 = (await makeMiner(db, { orgId: org.id, siteId: b.id, customerId: c2.id, status: 'offline' })).id;
  ids.m3 = (await makeMiner(db, { orgId: org.id, siteId: b.id, customerId: c1.id })).id;
  ids.mx = (await makeMiner(db, { orgId: other.id, siteId: x.id, customerId: cx.id })).id;
});
afterAll(() => drop());

const scope = (role: 'OWNER' | 'OPERATOR' | 'CLIENT' | 'GUEST', extra: { sites?: string[]; customers?: string[] } = {}) =>
  scopeFor({ orgId: ids.org!, role, assignedSiteIds: extra.sites ?? [], linkedCustomerIds: extra.customers ?? [] });

describe('tenant and role scoping', () => {
  it('never shows another organization’s miners, even to its owner', async () => {
    const list = await listMiners(db, scope('OWNER'), {}, page);
    expect(list.total).toBe(3);
    expect(await getMiner(db, scope('OWNER'), ids.mx!, { hostCosts: true })).toBeNull();
  });

  it('limits an operator to the assigned sites', async () => {
    const s = scope('OPERATOR', { sites: [ids.b!] });
    expect((await listMiners(db, s, {}, page)).rows.map((r) => r.id).sort()).toEqual([ids.m2, ids.m3].sort());
    expect(await getMiner(db, s, ids.m1!, { hostCosts: true })).toBeNull();
    expect((await listSites(db, s)).map((r) => r.name)).toEqual(['Bravo']);
  });

  it('limits a CLIENT to its own customer’s miners, and another customer’s miner is not found', async () => {
    const s = scope('CLIENT', { customers: [ids.c1!] });
    expect((await listMiners(db, s, {}, page)).rows.map((r) => r.id).sort()).toEqual([ids.m1, ids.m3].sort());
    expect(await getMiner(db, s, ids.m2!, { hostCosts: true })).toBeNull();
    expect(await getMiner(db, s, ids.m1!, { hostCosts: true })).not.toBeNull();
    expect((await listCustomers(db, s, {}, page)).rows.map((r) => r.id)).toEqual([ids.c1]);
    // Site counts only count the client's own machines.
    const bravo = (await listSites(db, s)).find((r) => r.name === 'Bravo');
    expect(Number(bravo?.miners)).toBe(1);
  });

  it('gives a CLIENT with no linked customer and a GUEST nothing', async () => {
    for (const s of [scope('CLIENT'), scope('GUEST')]) {
      expect((await listMiners(db, s, {}, page)).total).toBe(0);
      expect(await listSites(db, s)).toEqual([]);
      expect((await fleetSummary(db, s)).total).toBe(0);
    }
  });

  it('counts the fleet by measured state within the scope, not by the typed status', async () => {
    const f = await fleetSummary(db, scope('OWNER'));
    // Nothing measured: all three are of unknown state (m2's typed 'offline' is not a measurement);
    // the two set active count at their nameplate.
    expect(f).toMatchObject({ total: 3, active: 0, offline: 0, unknown: 3, sites: 2, customers: 2 });
    expect(f.nominalThs).toBeGreaterThan(0);
    expect(f.activeThs).toBeCloseTo((2 * f.nominalThs) / 3, 6);
    expect(f.thsBySource.nameplate).toBeCloseTo(f.activeThs, 6);
  });

  it('searches across name, serial, IP, MAC, worker and customer', async () => {
    const m1 = await getMiner(db, scope('OWNER'), ids.m1!, { hostCosts: true });
    const bySerial = await listMiners(db, scope('OWNER'), { q: m1!.serial!.toLowerCase() }, page);
    expect(bySerial.rows.map((r) => r.id)).toEqual([ids.m1]);
    expect((await listMiners(db, scope('OWNER'), { status: 'offline' }, page)).rows.map((r) => r.id)).toEqual([ids.m2]);
    expect((await listMiners(db, scope('OWNER'), { q: '100%' }, page)).total).toBe(0);
  });
});
