import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { hostingKpis } from '@/db/queries/hosting/fleet';
import { minerModels, miners } from '@/db/schema';
import { ensureMinerModels } from '@/db/seed/ensure-miner-models';
import { scopeFor } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeOrg, makeSite } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
const ids: Record<string, string> = {};
let model: { id: number; hashrateThs: string; powerW: number };

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  await ensureMinerModels(db);
  [model] = (await db.select({ id: minerModels.id, hashrateThs: minerModels.hashrateThs, powerW: minerModels.powerW }).from(minerModels).limit(1)) as [typeof model];
  orgId = (await makeOrg(db)).id;
  const a = await makeSite(db, orgId, 'Alpha'); // 0.05 USD/kWh
  const c = await makeCustomer(db, orgId);
  Object.assign(ids, { a: a.id, c: c.id });
  const row = (name: string, status: 'active' | 'offline' | 'sold', customerId: string | null, override: string | null = null) => ({ orgId, siteId: a.id, modelId: model.id, name, status, customerId, electricityUsdPerKwhOverride: override });
  await db.insert(miners).values([row('m1', 'active', c.id), row('m2', 'active', null, '0.10000'), row('m3', 'offline', c.id), row('m4', 'sold', c.id)]);
});
afterAll(() => drop());

describe('hostingKpis', () => {
  it('returns the total and the site, model and customer breakdowns in one result, without sold miners', async () => {
    const rows = await hostingKpis(db, scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] }), { hostCosts: true });
    const all = rows.find((r) => r.dim === 'all')!;
    const ths = Number(model.hashrateThs);
    // Nothing measured: the three are of unknown state; the two set active count at their nameplate.
    expect(all).toMatchObject({ total: 3, active: 0, offline: 0, unknown: 3 });
    expect(all.activeThs).toBeCloseTo(2 * ths, 6);
    expect(all.thsBySource).toEqual({ telemetry: 0, pool: 0, nameplate: all.activeThs });
    expect(all.activeKw).toBeCloseTo((2 * model.powerW) / 1000, 6);
    // m1 at the site price 0.05, m2 at its override 0.10: W × 24 h / 1000 × price.
    expect(all.costUsdPerDay).toBeCloseTo(((model.powerW * 24) / 1000) * (0.05 + 0.1), 6);
    expect(rows.filter((r) => r.dim === 'site')).toEqual([expect.objectContaining({ key: ids.a, label: 'Alpha', total: 3 })]);
    expect(rows.filter((r) => r.dim === 'model')).toHaveLength(1);
    const byCustomer = rows.filter((r) => r.dim === 'customer');
    expect(byCustomer.find((r) => r.key === ids.c)).toMatchObject({ total: 2, active: 0, unknown: 2 });
    expect(byCustomer.find((r) => r.key === null)).toMatchObject({ total: 1, label: null });
  });

  it('is empty for a scope with nothing in it', async () => {
    const rows = await hostingKpis(db, scopeFor({ orgId, role: 'GUEST', assignedSiteIds: [], linkedCustomerIds: [] }), { hostCosts: true });
    expect(rows).toEqual([expect.objectContaining({ dim: 'all', total: 0, activeThs: 0 })]);
  });
});
