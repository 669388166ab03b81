import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { seedMarketHistory } from '@/db/seed/market';
import type { Scope } from '@/lib/core/scope';
import { loadEconomics } from '@/lib/integrations/market/economics';
import { eq } from 'drizzle-orm';
import { minerModels, miners } from '@/db/schema';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeTwoOrgs } from '../helpers/fixtures';

// Network history is not tenant data; the fleet part is not asked for (hostCosts false).
const NOBODY: Scope = { orgId: '00000000-0000-0000-0000-000000000000', sites: [], customers: [] };
let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  await seedMarketHistory(db);
});
afterAll(async () => drop());

describe('loadEconomics (bundled history)', () => {
  it('all: from the genesis day, weekly points ending on the newest day; USD only where a close is held', async () => {
    const e = await loadEconomics(db, NOBODY, 'all', { hostCosts: false });
    expect(e.held).toEqual({ first: '2009-01-03', last: '2026-01-31', firstPrice: '2024-01-01', lastPrice: '2026-01-06' });
    expect(e.days.at(-1)).toBe('2026-01-31');
    expect(e.totalDays).toBe(6238);
    // The daily block count covers 878 days; every other day uses its epoch's average hashrate.
    expect(e.epochDays).toBe(6238 - 878);
    const firstUsd = e.hashpriceUsd.findIndex((v) => v !== null);
    expect(e.days[firstUsd]! >= '2024-01-01').toBe(true);
    expect(e.hashpriceBtc.filter((v) => v !== null).length).toBeGreaterThan(800);
    expect(e.breakEven).toBeNull();
  });
  it('1y: daily; the difficulty ribbon, the hash ribbon and Puell (a year of prices exists from 2024-12-30)', async () => {
    const e = await loadEconomics(db, NOBODY, '1y', { hostCosts: false });
    expect(e.days).toHaveLength(365);
    expect(e.difficultyRibbon).toHaveLength(8);
    expect(e.difficultyRibbon.every((l) => l.every((v) => v !== null))).toBe(true);
    expect(e.puell.filter((v) => v !== null).length).toBeGreaterThan(300);
    expect(e.hashRibbon.fast.filter((v) => v !== null).length).toBeGreaterThan(300);
    const shares = e.feeSharePct.filter((v) => v !== null);
    expect(Math.min(...shares)).toBeGreaterThan(0);
    expect(Math.max(...shares)).toBeLessThan(50);
  });
});

describe('break-even hashprice by fleet model', () => {
  it('nameplate W/TH · 24 h · the power-weighted price, only the scope\'s miners in service, margin at the newest USD hashprice', async () => {
    const { org, other, a, b, x } = await makeTwoOrgs(db);
    const m1 = await makeMiner(db, { orgId: org.id, siteId: a.id });
    const m2 = await makeMiner(db, { orgId: org.id, siteId: b.id });
    await makeMiner(db, { orgId: org.id, siteId: b.id, status: 'sold' });
    await makeMiner(db, { orgId: other.id, siteId: x.id });
    // Site prices are $0.05; one miner's own price is $0.08 and it counts 3 units.
    await db.update(miners).set({ electricityUsdPerKwhOverride: '0.08000', quantity: 3 }).where(eq(miners.id, m2.id));
    const [model] = await db.select().from(minerModels).where(eq(minerModels.id, m1.modelId));
    const jPerTh = model!.powerW / Number(model!.hashrateThs);
    const scope: Scope = { orgId: org.id, sites: 'all', customers: 'all' };
    const e = await loadEconomics(db, scope, '1y', { hostCosts: true });
    expect(e.breakEven).toHaveLength(1);
    const [row] = e.breakEven!;
    expect(row!.units).toBe(4);
    expect(row!.usdPerKwh).toBeCloseTo((0.05 + 3 * 0.08) / 4, 9);
    expect(row!.usdPerPhDay).toBeCloseTo(jPerTh * 24 * ((0.05 + 3 * 0.08) / 4), 6);
    expect(e.latest.usd?.day).toBe('2026-01-06');
    expect(row!.marginPct).toBeCloseTo((100 * (e.latest.usd!.value - row!.usdPerPhDay)) / e.latest.usd!.value, 9);
    // A site-bound role sees only its sites' miners.
    const onlyA = await loadEconomics(db, { orgId: org.id, sites: [a.id], customers: 'all' }, '1y', { hostCosts: true });
    expect(onlyA.breakEven![0]!.units).toBe(1);
  });
});
