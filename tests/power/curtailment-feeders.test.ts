import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listSiteFeeders, replaceFeederMap, siteFeederCaps, upsertFeeder } from '@/db/queries/power/feeders';
import { curtailmentEventMiners, minerTelemetryLive, networkSnapshots, siteLayoutPositions } from '@/db/schema';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import { startCurtailment } from '@/lib/power/start-curtailment';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite } from '../helpers/fixtures';

/*
 * Feeder/PDU caps reach the planner: a site's miners mapped to feeders (by name and by rack), and an
 * Optimal curtailment goes through HiGHS and leaves every feeder under its cap.
 */

let db: Db;
let drop: () => Promise<void>;
let siteId = '';
let scope: Scope;
const miners: { id: string; name: string }[] = [];
const now = new Date('2026-07-15T12:00:00Z');

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const org = await makeOrg(db);
  siteId = (await makeSite(db, org.id)).id;
  scope = { orgId: org.id, sites: 'all', customers: 'all' };
  for (let i = 0; i < 10; i++) {
    const m = await makeMiner(db, { orgId: org.id, siteId });
    miners.push({ id: m.id, name: m.name });
    // Miner i draws 3,000 W and hashes 100 + 5i TH/s: the later ones earn more per kW.
    await db.insert(minerTelemetryLive).values({ minerId: m.id, orgId: org.id, siteId, collectedAt: now, online: true, powerW: 3000, hashrateAvgThs: 100 + 5 * i });
  }
  // Miners 5–9 stand in rack 7 of the site's layout.
  await db.insert(siteLayoutPositions).values(miners.slice(5).map((m, k) => ({ siteId, orgId: org.id, minerId: m.id, room: 'A', rack: 7, slot: k + 1 })));
  await db.insert(networkSnapshots).values({ bucketStart: now, btcPriceUsd: '100000', difficulty: '1.2e14', networkHashrateHs: '8.6e20', feesPerBlockBtc: '0.02', hashpriceBtcPerPhDay: '0.0005', hashpriceUsdPerPhDay: '50', sources: { price: 'test' } });
});
afterAll(async () => drop?.());

describe('feeder map', () => {
  it('a row matching no miner of the site is named, and nothing is written', async () => {
    const err = await replaceFeederMap(db, scope, null, siteId, { feeders: [{ code: 'F1', capKw: 6 }], members: [{ code: 'F1', miner: 'no-such-miner' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('VALIDATION');
    expect(await siteFeederCaps(db, scope, siteId)).toEqual({});
  });

  it('maps miners by name and a whole rack; a re-import replaces the map', async () => {
    const map = {
      feeders: [
        { code: 'F1', capKw: 6 },
        { code: 'F2', capKw: 20 },
      ],
      members: [...miners.slice(0, 5).map((m) => ({ code: 'F1', miner: m.name.toUpperCase() })), { code: 'F2', room: 'A', rack: 7 }],
    };
    expect(await replaceFeederMap(db, scope, null, siteId, map)).toEqual({ feeders: 2, miners: 10 });
    expect(await replaceFeederMap(db, scope, null, siteId, map)).toEqual({ feeders: 2, miners: 10 });
    const rows = await listSiteFeeders(db, scope, siteId);
    expect(rows.map((r) => [r.code, r.capKw, r.miners, r.drawW])).toEqual([
      ['F1', 6, 5, 15000],
      ['F2', 20, 5, 15000],
    ]);
    await upsertFeeder(db, scope, null, { siteId, code: 'F2', capKw: 9 });
    expect(Object.values(await siteFeederCaps(db, scope, siteId)).sort()).toEqual([6, 9]);
    expect(await listSiteFeeders(db, { ...scope, sites: [] }, siteId)).toEqual([]);
  });
});

describe('an Optimal curtailment under feeder caps', () => {
  it('goes through HiGHS (mip) and holds every feeder cap as well as the site target', async () => {
    const r = await startCurtailment(db, scope, null, { siteId, strategy: 'optimal', targetKind: 'reduction', targetKw: 3, perMinute: 100, emergency: false }, now);
    expect(r.plan.method).toBe('mip');
    expect(r.plan.met).toBe(true);
    const slept = new Set((await db.select().from(curtailmentEventMiners).where(eq(curtailmentEventMiners.eventId, r.id))).map((m) => m.minerId));
    const load = (ids: { id: string }[]) => ids.filter((m) => !slept.has(m.id)).length * 3000;
    // F1 (6 kW) keeps 2 of its 5 and F2 (9 kW) 3 of its 5, those that earn the most: the caps shed 15 kW, more than the 3 asked.
    expect(load(miners.slice(0, 5))).toBeLessThanOrEqual(6000);
    expect(load(miners.slice(5))).toBeLessThanOrEqual(9000);
    expect(slept.size).toBe(5);
    expect([...slept].sort()).toEqual([miners[0]!.id, miners[1]!.id, miners[2]!.id, miners[5]!.id, miners[6]!.id].sort());
  });
});
