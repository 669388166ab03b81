import { InngestTestEngine } from '@inngest/test';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { curtailmentEventMiners, curtailmentEvents, edgeCommands, minerModels, minerTelemetryLive, networkSnapshots, telemetryHistory5min, tickets } from '@/db/schema';
import type { Scope } from '@/lib/core/scope';
import { startCurtailment } from '@/lib/power/start-curtailment';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite } from '../helpers/fixtures';
import { testJobs } from '../helpers/jobs';

/*
 * The smallest whole curtailment: a manual plan on ten measured miners, staggered SLEEP commands
 * through the edge queue, the reduction verified from telemetry, staggered WAKE at the end of the
 * window, a ticket for the miner that did not come back, and the savings priced from the measured
 * buckets at the hour's hashprice and the site's rate.
 */

let db: Db;
let drop: () => Promise<void>;
let clock = new Date('2026-07-15T12:00:00Z');
const at = (min: number) => new Date(Date.UTC(2026, 6, 15, 12, min));
const ids: string[] = [];
let siteId = '';
let scope: Scope;
let nominalW = 0;

async function tick(min: number) {
  clock = at(min);
  const jobs = testJobs({ db, now: () => clock });
  const r = await new InngestTestEngine({ function: jobs.jobs.curtailmentTick, events: [{ name: 'inngest/scheduled.timer', data: {} }] }).execute();
  expect(r.error).toBeUndefined();
  return r.result as { done: Record<string, string[]> };
}

async function reading(minerId: string, min: number, powerW: number, hashrateThs: number) {
  await db
    .update(minerTelemetryLive)
    .set({ collectedAt: at(min), online: true, powerW, hashrateAvgThs: hashrateThs })
    .where(eq(minerTelemetryLive.minerId, minerId));
}

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const org = await makeOrg(db);
  const site = await makeSite(db, org.id);
  siteId = site.id;
  scope = { orgId: org.id, sites: 'all', customers: 'all' };
  for (let i = 0; i < 10; i++) ids.push((await makeMiner(db, { orgId: org.id, siteId })).id);
  const [model] = await db.select().from(minerModels).limit(1);
  nominalW = model!.powerW;
  // Each draws a little more than its nameplate, m9 the most: the performance score sheds m9, m8, m7, m6 first.
  await db.insert(minerTelemetryLive).values(
    ids.map((minerId, i) => ({ minerId, orgId: org.id, siteId, collectedAt: at(0), online: true, powerW: nominalW + 100 + i * 10, hashrateAvgThs: 100 })),
  );
  await db.insert(networkSnapshots).values({
    bucketStart: at(0),
    btcPriceUsd: '100000',
    difficulty: '1.2e14',
    networkHashrateHs: '8.6e20',
    feesPerBlockBtc: '0.02',
    hashpriceBtcPerPhDay: '0.0005',
    hashpriceUsdPerPhDay: '50',
    sources: { price: 'test' },
  });
});
afterAll(async () => drop?.());

describe('a manual curtailment, end to end through the edge queue', () => {
  let eventId = '';
  const shed = () => ids.slice(6);
  const preW = () => shed().reduce((s, _, k) => s + nominalW + 100 + (6 + k) * 10, 0);

  it('plans on the measured fleet and queues the first wave at once (2 a minute)', async () => {
    const r = await startCurtailment(db, scope, null, { siteId, strategy: 'performance', targetKind: 'reduction', targetKw: (4 * nominalW) / 1000, perMinute: 2, emergency: false, durationMin: 10 }, at(0));
    eventId = r.id;
    expect(r).toMatchObject({ waves: 2, miners: 4, queuedNow: 2 });
    const cmds = await db.select().from(edgeCommands).where(eq(edgeCommands.siteId, siteId));
    expect(cmds.map((c) => c.commandType)).toEqual(['SLEEP', 'SLEEP']);
    expect(new Set(cmds.map((c) => c.minerId))).toEqual(new Set([ids[9], ids[8]]));
  });

  it('the minute job sends the second wave, then verifies the reduction from telemetry', async () => {
    expect((await tick(1)).done[eventId]).toEqual(['send_wave', 'all_sent']);
    const sleeps = await db.select().from(edgeCommands).where(and(eq(edgeCommands.siteId, siteId), eq(edgeCommands.commandType, 'SLEEP')));
    expect(new Set(sleeps.map((c) => c.minerId))).toEqual(new Set(shed()));
    // The collector ran them: the four draw 40 W each now, hashing nothing.
    for (const id of shed()) await reading(id, 3, 40, 0);
    expect((await tick(2)).done[eventId]).toBeUndefined();
    expect((await tick(4)).done[eventId]).toEqual(['verify']);
    const [e] = await db.select().from(curtailmentEvents).where(eq(curtailmentEvents.id, eventId));
    expect(e).toMatchObject({ status: 'holding', achievedShedW: preW() - 160, verification: { met: true, minersShed: 4, minersStillDrawing: 0 } });
  });

  it('at the end of the window wakes the miners in the same waves, and opens a ticket for the one that did not recover', async () => {
    expect((await tick(10)).done[eventId]).toEqual(['start_recovery', 'send_recovery_wave']);
    expect((await tick(11)).done[eventId]).toEqual(['send_recovery_wave', 'recovery_sent']);
    const wakes = await db.select().from(edgeCommands).where(and(eq(edgeCommands.siteId, siteId), eq(edgeCommands.commandType, 'WAKE')));
    expect(wakes).toHaveLength(4);
    for (const id of shed().slice(1)) await reading(id, 20, nominalW + 100, 95);
    await reading(shed()[0]!, 20, nominalW, 80);
    // What telemetry measured while they slept: the 12:00 and 12:05 buckets at 40 W.
    await db.insert(telemetryHistory5min).values(
      shed().flatMap((minerId) => [0, 5].map((min) => ({ minerId, bucket: at(min), orgId: scope.orgId, siteId, samples: 5, onlineSamples: 5, onlineRatio: 1, powerAvgW: 40, hashrateAvgThs: 0 }))),
    );
    expect((await tick(25)).done[eventId]).toBeUndefined();
    expect((await tick(26)).done[eventId]).toEqual(['check_recovery']);
    const [e] = await db.select().from(curtailmentEvents).where(eq(curtailmentEvents.id, eventId));
    // Shed (pre − 40 W) × 10 min; 400 TH/s × 10 min. Cost: Wh × $0.05/kWh; revenue: 66.67 TH·h × $50/PH/day / 24.
    const wh = ((preW() - 160) * 10) / 60;
    expect(e).toMatchObject({
      status: 'completed',
      recovered: 3,
      notRecovered: 1,
      energyAvoidedWh: Math.round(wh),
      costAvoidedCents: Math.round((wh * 5000) / 1e6),
      revenueForgoneCents: 14,
      netSavingCents: Math.round((wh * 5000) / 1e6) - 14,
    });
    const failed = await db.select().from(curtailmentEventMiners).where(and(eq(curtailmentEventMiners.eventId, eventId), eq(curtailmentEventMiners.recovered, false)));
    expect(failed.map((f) => f.minerId)).toEqual([shed()[0]]);
    const [ticket] = await db.select().from(tickets).where(inArray(tickets.id, [failed[0]!.ticketId!]));
    expect(ticket).toMatchObject({ minerId: shed()[0], siteId, priority: 'high', status: 'open' });
    expect((await tick(27)).done[eventId]).toBeUndefined();
  });
});
