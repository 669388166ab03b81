import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { edgeCommands, minerTelemetryLive, miners, organizations } from '@/db/schema';
import { startLiveDemo } from '@/lib/edge/simulator/live-demo';
import { startCloud } from './cloud-server';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite } from '../helpers/fixtures';

/*
 * The live demo's simulated collector runs the demo miners' commands (a curtailment's sleep and wake)
 * on the simulated machines and reports them in the same round; a command for a miner it does not
 * simulate (a real collector's, on the same site) is left queued for that collector.
 */

let db: Db;
let drop: () => Promise<void>;
let cloud: Awaited<ReturnType<typeof startCloud>>;
let orgId = '';
let siteId = '';
const ids: string[] = [];
let foreign = '';

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  cloud = await startCloud(db);
  const org = await makeOrg(db);
  orgId = org.id;
  await db.update(organizations).set({ slug: 'live-demo-test' }).where(eq(organizations.id, orgId));
  siteId = (await makeSite(db, orgId)).id;
  for (let i = 0; i < 3; i++) {
    const m = await makeMiner(db, { orgId, siteId });
    // The ingest finds a reading's miner by its address, as for the demo farm's machines.
    await db.update(miners).set({ ipAddress: `10.9.0.${i + 1}`, macAddress: `02:00:00:00:00:0${i + 1}` }).where(eq(miners.id, m.id));
    ids.push(m.id);
  }
  // Sold: not one of the simulated machines, as a miner another collector serves.
  foreign = (await makeMiner(db, { orgId, siteId, status: 'sold' })).id;
});
afterAll(async () => {
  await cloud?.close();
  await drop?.();
});

const queue = (minerId: string, commandType: 'SLEEP' | 'WAKE') => ({ orgId, siteId, minerId, commandType, params: {}, expiresAt: new Date(Date.now() + 600_000) });

describe('the live demo runs its miners’ commands', () => {
  it('sleeps two miners, reports them at once, acks each, and leaves a foreign command queued', async () => {
    await db.insert(edgeCommands).values([queue(ids[0]!, 'SLEEP'), queue(ids[1]!, 'SLEEP'), queue(foreign, 'SLEEP')]);
    const live = (await startLiveDemo({ db, appUrl: cloud.url, orgSlug: 'live-demo-test', intervalMs: 3_600_000, spread: 1000, log: () => {} }))!;
    live.stop();
    // A thousandth of the farm per round is nobody here but the round's first miner: the slept ones report because they changed.
    await live.tick();
    const commands = await db.select({ minerId: edgeCommands.minerId, status: edgeCommands.status }).from(edgeCommands);
    expect(Object.fromEntries(commands.map((c) => [c.minerId, c.status]))).toEqual({ [ids[0]!]: 'SUCCEEDED', [ids[1]!]: 'SUCCEEDED', [foreign]: 'QUEUED' });
    const readings = await db.select().from(minerTelemetryLive).where(inArray(minerTelemetryLive.minerId, ids.slice(0, 2)));
    expect(readings.map((r) => [r.online, r.powerW, r.hashrateAvgThs])).toEqual([
      [true, 12, 0],
      [true, 12, 0],
    ]);

    await db.insert(edgeCommands).values([queue(ids[0]!, 'WAKE')]);
    await live.tick();
    const [woken] = await db.select().from(minerTelemetryLive).where(eq(minerTelemetryLive.minerId, ids[0]!));
    expect(woken!.powerW).toBeGreaterThan(1000);
    expect(woken!.hashrateAvgThs).toBeGreaterThan(10);
    expect((await db.select().from(miners).where(eq(miners.id, foreign)))[0]!.status).toBe('sold');
  });
});
