import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '@/db/client';
import { findMembership, findUserByEmail, loadAccessContext } from '@/db/queries/auth/accounts';
import { fleetSummary } from '@/db/queries/hosting/fleet';
import { listMiners } from '@/db/queries/hosting/miners';
import { getRackMap } from '@/db/queries/hosting/rack-map';
import { layoutFleet, parseLayoutPattern, placeFleet } from '@/lib/domain/hosting/rack-layout';
import { isDemoSeeded, isEmpty, removeDemo, seedDemo } from '@/lib/demo/seed-demo';
import { fillDemoHistory } from '@/db/seed/telemetry-demo';
import { seedDemoTreasury } from '@/db/seed/treasury-demo';
import { getTreasuryPosition } from '@/db/queries/treasury/position';
import { normalizeRole } from '@/lib/core/roles';
import { scopeFor } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  expect(await isEmpty(db)).toBe(true);
  await seedDemo(db);
});
afterAll(() => drop());

async function scopeOf(email: string) {
  const user = await findUserByEmail(db, email);
  const m = await findMembership(db, user!.id);
  const ctx = await loadAccessContext(db, user!.id, m!.orgId);
  return scopeFor({ orgId: m!.orgId, role: normalizeRole(m!.role), assignedSiteIds: ctx!.siteIds, linkedCustomerIds: ctx!.customerIds });
}

describe('the demo farm in the database', () => {
  it('holds the promised shape', async () => {
    const [row] = await queryRows<Record<string, number>>(
      db,
      sql`select (select count(*) from miners)::int as miners,
                 (select count(distinct model_id) from miners)::int as models,
                 (select count(*) from customers)::int as customers,
                 (select count(distinct customer_id) from miners)::int as owners,
                 (select count(*) from sites)::int as sites,
                 (select count(*) from miner_models)::int as catalogue`,
    );
    expect(row).toMatchObject({ miners: 6000, customers: 150, owners: 40, sites: 3 });
    expect(row!.models).toBeGreaterThanOrEqual(15);
    expect(row!.catalogue).toBeGreaterThanOrEqual(20);
  });

  it('links the CLIENT user to its customer by email and shows it only its own machines', async () => {
    const scope = await scopeOf('client@demo.local');
    expect(scope.customers).toHaveLength(1);
    const page = await listMiners(db, scope, {}, { page: 1, pageSize: 100 });
    expect(page.total).toBeGreaterThan(50);
    expect(page.rows.every((r) => r.customerId === (scope.customers as string[])[0])).toBe(true);
  });

  it('gives the site owner two sites and the operator one', async () => {
    expect((await scopeOf('siteowner@demo.local')).sites).toHaveLength(2);
    expect((await scopeOf('operator@demo.local')).sites).toHaveLength(1);
  });

  it('gives every site a rack map that places all its miners: two by the naming pattern, Ekibastuz by an imported layout', async () => {
    const scope = await scopeOf('owner@demo.local');
    const siteRows = await queryRows<{ id: string; name: string }>(db, sql`select id, name from sites order by name`);
    const seen: Record<string, { layout: string; rooms: string[]; placed: number; unplaced: number }> = {};
    for (const site of siteRows) {
      const map = (await getRackMap(db, scope, site.id))!;
      const pattern = parseLayoutPattern(map.site.layoutPattern ?? '');
      const { rooms, unplaced } = map.places ? placeFleet(map.places) : pattern.ok ? layoutFleet(pattern.pattern, map.names) : { rooms: [], unplaced: map.ids.map((_, i) => i) };
      seen[site.name] = { layout: map.site.layout, rooms: rooms.map((r) => r.room), placed: map.ids.length - unplaced.length, unplaced: unplaced.length };
    }
    expect(seen).toEqual({
      'Abilene Wind': { layout: 'pattern', rooms: ['TX'], placed: 2000, unplaced: 0 },
      'Ekibastuz Thermal': { layout: 'imported', rooms: ['HALL-A', 'HALL-B'], placed: 1200, unplaced: 0 },
      "Ya'an Hydro": { layout: 'pattern', rooms: ['SC'], placed: 2800, unplaced: 0 },
    });
  });

  it('has about 2% offline over the whole farm', async () => {
    const f = await fleetSummary(db, await scopeOf('owner@demo.local'));
    expect(f.offline / 6000).toBeGreaterThan(0.012);
    expect(f.offline / 6000).toBeLessThan(0.03);
  });

  it('shows a treasury: inventory from the demo pool payouts, cost basis from the demo energy, seeded once', async () => {
    const scope = await scopeOf('owner@demo.local');
    const p = await getTreasuryPosition(db, scope, new Date());
    const [pool] = await queryRows<{ sats: number }>(db, sql`select sum(p.amount_sats)::float8 as sats from pool_payment_history p join pool_accounts a on a.id = p.account_id where a.org_id = ${scope.orgId} and p.kind = 'payout'`);
    const [sold] = await queryRows<{ sats: number }>(db, sql`select coalesce(sum(sats), 0)::float8 as sats from treasury_entries where org_id = ${scope.orgId} and kind = 'sale'`);
    // Every payout is in the ledger once; the holdings are the payouts less the one demo sale.
    expect(p.holdingsSats).toBe(pool!.sats - sold!.sats);
    expect(p.holdingsSats).toBeGreaterThan(0);
    const costed = p.months.filter((m) => m.energyCents !== null && m.energyCents > 0 && m.costCentsPerBtc !== null);
    expect(costed.length).toBeGreaterThan(0);
    expect(p.fifo.knownCostSats).toBeGreaterThan(0);
    await seedDemoTreasury(db, scope.orgId);
    expect((await getTreasuryPosition(db, scope, new Date())).holdingsSats).toBe(p.holdingsSats);
  });

  it('can be removed and written again', async () => {
    await removeDemo(db);
    expect(await isDemoSeeded(db)).toBe(false);
    expect(await findUserByEmail(db, 'owner@demo.local')).toBeNull();
    await seedDemo(db);
    expect(await isDemoSeeded(db)).toBe(true);
    // The server fills the 23 older hours of history in the background; here to the end.
    expect(await fillDemoHistory(db)).toBe(23);
    // The history has no foreign key to miners: removeDemo clears it, so the reseed's is the only one.
    const [h] = await queryRows<{ n: number; miners: number }>(db, sql`select count(*)::int as n, count(distinct miner_id)::int as miners from telemetry_history_5min`);
    expect(h!.n).toBe(h!.miners * 288);
    // Two seeds of 1.9 M telemetry rows each: a minute and more on a loaded machine.
  }, 240_000);
});
