import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { poolVsMiner } from '@/db/queries/pool/pool-vs-miner';
import { scopeFor } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { makeMeasuredFarm, type MeasuredFarm, NOW } from '../telemetry/measured-fixture';

let db: Db;
let drop: () => Promise<void>;
let farm: MeasuredFarm;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  farm = await makeMeasuredFarm(db);
});
afterAll(() => drop());

const owner = () => scopeFor({ orgId: farm.orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] });

/*
 * By hand from tests/telemetry/measured-fixture.ts (Antminer S21 nameplate N = 200 TH/s). Compared:
 * the six miners with a linked worker whose newest hour is current (pool-stale's is 3 h old).
 *   miner               site  customer  expected                 credited (pool 1 h)
 *   tel-online          main  acme      190 (telemetry)          185
 *   tel-offline         main  acme        0 (telemetry: offline) 185
 *   tel-stale-pool-on   hot   —         200 (nameplate: stale)   185
 *   pool-offline        main  —         200 (nameplate)            0
 *   pool-invalid        main  acme      200 (nameplate)            0
 *   pool-online-maint   main  zen         0 (maintenance)        185
 */
describe('poolVsMiner', () => {
  it('sums expected and credited hashrate per fleet, site and customer, with luck = credited / expected − 1', async () => {
    expect(farm.model.ths).toBe(200);
    const rows = await poolVsMiner(db, owner(), NOW);
    const find = (dim: string, key: string | null) => rows.find((r) => r.dim === dim && r.key === key)!;
    const all = find('all', null);
    expect(all).toMatchObject({ units: 6, expectedBySource: { telemetry: 190, nameplate: 600 } });
    expect(all.expectedThs).toBeCloseTo(790, 9);
    expect(all.creditedThs).toBeCloseTo(740, 9);
    expect(all.luckPct).toBeCloseTo((740 / 790 - 1) * 100, 9); // −6.33 %
    expect(all.poolAt).toEqual(new Date(NOW.getTime() - 30 * 60_000));

    const main = find('site', farm.siteIds.main);
    expect([main.units, main.expectedThs, main.creditedThs]).toEqual([5, 590, 555]);
    expect(main.luckPct).toBeCloseTo((555 / 590 - 1) * 100, 9);
    const hot = find('site', farm.siteIds.hot);
    expect([hot.units, hot.expectedThs, hot.creditedThs]).toEqual([1, 200, 185]);
    expect(hot.luckPct).toBeCloseTo(-7.5, 9); // 185 / 200 − 1

    const acme = find('customer', farm.customerIds.acme);
    expect([acme.units, acme.expectedThs, acme.creditedThs]).toEqual([3, 390, 370]);
    expect(acme.luckPct).toBeCloseTo((370 / 390 - 1) * 100, 9);
    // Nothing expected of a machine in maintenance: no luck figure, not an infinite one.
    expect(find('customer', farm.customerIds.zen)).toMatchObject({ units: 1, expectedThs: 0, creditedThs: 185, luckPct: null });
    expect(find('customer', null)).toMatchObject({ units: 2, expectedThs: 400, creditedThs: 185 });
  });

  it('compares a CLIENT’s own machines only, and gives an empty fleet line to a scope with none', async () => {
    const client = await poolVsMiner(db, scopeFor({ orgId: farm.orgId, role: 'CLIENT', assignedSiteIds: [], linkedCustomerIds: [farm.customerIds.acme] }), NOW);
    expect(client.find((r) => r.dim === 'all')).toMatchObject({ units: 3, expectedThs: 390, creditedThs: 370 });
    expect(client.filter((r) => r.dim === 'customer').map((r) => r.key)).toEqual([farm.customerIds.acme]);
    const guest = await poolVsMiner(db, scopeFor({ orgId: farm.orgId, role: 'GUEST', assignedSiteIds: [], linkedCustomerIds: [] }), NOW);
    expect(guest).toEqual([expect.objectContaining({ dim: 'all', units: 0, expectedThs: 0, creditedThs: 0, luckPct: null })]);
  });
});
