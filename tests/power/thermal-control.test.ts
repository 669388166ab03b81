import { InngestTestEngine } from '@inngest/test';
import { and, desc, eq, ilike } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { curtailmentPlans, edgeCommands, minerModels, miners, minerTelemetryLive } from '@/db/schema';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite } from '../helpers/fixtures';
import { testJobs } from '../helpers/jobs';

/* Thermal control on an opted-in site: a hot Whatsminer is stepped down, then back up once cool; a stock Antminer (no power target) is left alone. */

let db: Db;
let drop: () => Promise<void>;
let whatsminer = '';
let antminer = '';
let normalW = 0;
const at = (min: number) => new Date(Date.UTC(2026, 6, 15, 12, min));

async function run(min: number) {
  const jobs = testJobs({ db, now: () => at(min) });
  const r = await new InngestTestEngine({ function: jobs.jobs.thermalControl, events: [{ name: 'inngest/scheduled.timer', data: {} }] }).execute();
  expect(r.error).toBeUndefined();
  return r.result as { candidates: number; queued: number };
}
const chip = (minerId: string, c: number, min: number) => db.update(minerTelemetryLive).set({ tempChipMaxC: c, collectedAt: at(min) }).where(eq(minerTelemetryLive.minerId, minerId));
const lastTarget = async (minerId: string) =>
  (await db.select({ params: edgeCommands.params }).from(edgeCommands).where(and(eq(edgeCommands.minerId, minerId), eq(edgeCommands.commandType, 'SET_POWER_TARGET'))).orderBy(desc(edgeCommands.createdAt)).limit(1))[0]?.params;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const org = await makeOrg(db);
  const siteId = (await makeSite(db, org.id)).id;
  whatsminer = (await makeMiner(db, { orgId: org.id, siteId })).id;
  antminer = (await makeMiner(db, { orgId: org.id, siteId })).id;
  const [wm] = await db.select().from(minerModels).where(ilike(minerModels.vendor, 'microbt')).limit(1);
  const [am] = await db.select().from(minerModels).where(ilike(minerModels.vendor, 'bitmain')).limit(1);
  normalW = wm!.powerW;
  await db.update(miners).set({ modelId: wm!.id }).where(eq(miners.id, whatsminer));
  await db.update(miners).set({ modelId: am!.id }).where(eq(miners.id, antminer));
  await db.insert(minerTelemetryLive).values([whatsminer, antminer].map((minerId) => ({ minerId, orgId: org.id, siteId, collectedAt: at(0), online: true, powerW: 3000, hashrateAvgThs: 100, tempChipMaxC: 70 })));
  await db.insert(curtailmentPlans).values({ orgId: org.id, siteId, name: 'Thermal', mode: 'thermal', strategy: 'performance', targetKind: 'reduction', targetKw: '0', strike: {}, state: {} });
});
afterAll(async () => drop?.());

describe('power-thermal-control', () => {
  it('a hot Whatsminer steps down 250 W a run; the Antminer, whose stock firmware takes no power target, is left alone', async () => {
    await chip(whatsminer, 90, 1);
    await chip(antminer, 95, 1);
    expect(await run(1)).toMatchObject({ candidates: 2, queued: 1 });
    expect(await lastTarget(whatsminer)).toEqual({ watts: normalW - 250, source: 'thermal' });
    expect(await lastTarget(antminer)).toBeUndefined();
    expect(await run(6)).toMatchObject({ queued: 1 });
    expect(await lastTarget(whatsminer)).toEqual({ watts: normalW - 500, source: 'thermal' });
  });
  it('in the hysteresis band nothing changes; under the restore temperature it steps back up, and the last step restores normal power', async () => {
    await chip(whatsminer, 80, 10);
    expect(await run(11)).toMatchObject({ queued: 0 });
    await chip(whatsminer, 70, 15);
    expect(await run(16)).toMatchObject({ queued: 1 });
    expect(await lastTarget(whatsminer)).toEqual({ watts: normalW - 250, source: 'thermal' });
    expect(await run(21)).toMatchObject({ queued: 1 });
    expect(await lastTarget(whatsminer)).toEqual({ watts: normalW, source: 'thermal', restore: true });
    expect(await run(26)).toMatchObject({ queued: 0 });
  });
});
