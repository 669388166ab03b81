import { signedIn } from '../helpers/signed-in';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { curtailmentFleet } from '@/db/queries/power/curtailment-fleet';
import { saveSiteCurtailmentSettings, siteCurtailmentSettingsOf } from '@/db/queries/power/curtailment-settings';
import { curtailmentEventMiners, curtailmentEvents, edgeCommands, minerModels, miners as minersTable, minerTelemetryLive, networkSnapshots } from '@/db/schema';
import type { Scope } from '@/lib/core/scope';
import { planCurtailment } from '@/lib/domain/power/curtailment/plan';
import { saveCurtailmentSettingsAction } from '@/lib/actions/power/save-curtailment-settings';
import { startCurtailment } from '@/lib/power/start-curtailment';
import { formData, testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

/*
 * A site's curtailment settings reach the planner: a miner inside its minimum on time (woken by a
 * recovery less than min_on_minutes ago) is held on, the minimum off time is kept by the run, and
 * power-target levels make Optimal down-clock through HiGHS instead of sleeping. Hashprice $50/PH/day,
 * no tariff (energy free), so each miner's value is its hashrate.
 */

let db: Db;
let drop: () => Promise<void>;
let scope: Scope;
let userId = '';
let siteA = '';
let siteB = '';
const a: string[] = [];
const b: string[] = [];
const now = new Date('2026-07-15T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  const org = await makeOrg(db);
  scope = { orgId: org.id, sites: 'all', customers: 'all' };
  userId = (await makeUser(db, { orgId: org.id, role: 'OWNER' })).user.id;
  siteA = (await makeSite(db, org.id)).id;
  siteB = (await makeSite(db, org.id)).id;
  await db.insert(networkSnapshots).values({ bucketStart: now, btcPriceUsd: '100000', difficulty: '1.2e14', networkHashrateHs: '8.6e20', feesPerBlockBtc: '0.02', hashpriceBtcPerPhDay: '0.0005', hashpriceUsdPerPhDay: '50', sources: { price: 'test' } });
  // Site A: four miners at 3,000 W hashing 100, 105, 110, 115 TH/s — miner 0 earns least per kW.
  for (let i = 0; i < 4; i++) {
    const m = await makeMiner(db, { orgId: org.id, siteId: siteA });
    a.push(m.id);
    await db.insert(minerTelemetryLive).values({ minerId: m.id, orgId: org.id, siteId: siteA, collectedAt: now, online: true, powerW: 3000, hashrateAvgThs: 100 + 5 * i });
  }
  // Miner 0 was woken 10 minutes ago by the recovery of an earlier curtailment.
  const [wake] = await db.insert(edgeCommands).values({ orgId: org.id, siteId: siteA, minerId: a[0]!, commandType: 'WAKE', params: {}, createdAt: minutesAgo(10), expiresAt: now }).returning({ id: edgeCommands.id });
  const [old] = await db
    .insert(curtailmentEvents)
    .values({ orgId: org.id, siteId: siteA, trigger: 'manual', strategy: 'performance', targetKind: 'reduction', targetKw: '3', perMinute: 10, status: 'completed', createdAt: minutesAgo(60), baselineW: 12_000, requestedShedW: 3000, plannedShedW: 3000, waves: 1 })
    .returning({ id: curtailmentEvents.id });
  await db.insert(curtailmentEventMiners).values({ eventId: old!.id, minerId: a[0]!, action: 'sleep', wave: 0, prePowerW: 3000, preHashrateThs: 100, restoreCommandId: wake!.id });
  // Site B: three MicroBT miners (Whatsminer firmware takes a power target) at 3,000 W, 100/105/110 TH/s.
  const [model] = await db.insert(minerModels).values({ vendor: 'MicroBT', name: 'Whatsminer Test M60', hashrateThs: '110', powerW: 3000 }).returning({ id: minerModels.id });
  for (let i = 0; i < 3; i++) {
    const m = await makeMiner(db, { orgId: org.id, siteId: siteB });
    await db.update(minersTable).set({ modelId: model!.id }).where(eq(minersTable.id, m.id));
    b.push(m.id);
    await db.insert(minerTelemetryLive).values({ minerId: m.id, orgId: org.id, siteId: siteB, collectedAt: now, online: true, powerW: 3000, hashrateAvgThs: 100 + 5 * i });
  }
});
afterAll(async () => drop?.());

const eventMiners = async (eventId: string) => db.select().from(curtailmentEventMiners).where(eq(curtailmentEventMiners.eventId, eventId));

describe('minimum on and off times', () => {
  it('without settings the plan would sleep miner 0; with a 30-minute minimum on time it is held on and miner 1 sleeps', async () => {
    const bare = planCurtailment({ miners: await curtailmentFleet(db, scope, siteA, now), target: { kind: 'reduction', kw: 3 }, strategy: 'optimal', economics: { hashpriceUsdPerPhDay: 50, tariffUsdPerKwh: 0 } });
    expect(bare.actions).toEqual([{ minerId: a[0], kind: 'sleep' }]);

    await saveSiteCurtailmentSettings(db, scope, userId, siteA, { minOnMinutes: 30, minOffMinutes: 20, powerTargetPcts: [] });
    expect(await siteCurtailmentSettingsOf(db, siteA)).toEqual({ minOnMinutes: 30, minOffMinutes: 20, powerTargetPcts: [] });
    const r = await startCurtailment(db, scope, userId, { siteId: siteA, strategy: 'optimal', targetKind: 'reduction', targetKw: 3, perMinute: 10, emergency: false }, now);
    expect(r.plan.met).toBe(true);
    expect((await eventMiners(r.id)).map((m) => [m.minerId, m.action])).toEqual([[a[1], 'sleep']]);
    // The run keeps the minimum off time: recovery waits 20 minutes from its start (execution.test.ts).
    const [event] = await db.select().from(curtailmentEvents).where(eq(curtailmentEvents.id, r.id));
    expect(event!.minOffMinutes).toBe(20);
  });

  it('once the minimum on time has passed (35 minutes after the wake) miner 0 may be slept again', async () => {
    const later = minutesAgo(-25);
    await db.update(minerTelemetryLive).set({ collectedAt: later }).where(eq(minerTelemetryLive.minerId, a[0]!));
    const fleet = await curtailmentFleet(db, scope, siteA, later, await siteCurtailmentSettingsOf(db, siteA));
    expect(fleet.find((m) => m.id === a[0])?.lock).toBeNull();
  });
});

describe('power-target levels', () => {
  it('Optimal down-clocks the least valuable miner to 60 % through HiGHS rather than sleeping one', async () => {
    await saveSiteCurtailmentSettings(db, scope, userId, siteB, { minOnMinutes: 0, minOffMinutes: 0, powerTargetPcts: [60, 80, 80] });
    expect((await siteCurtailmentSettingsOf(db, siteB)).powerTargetPcts).toEqual([80, 60]);
    const r = await startCurtailment(db, scope, userId, { siteId: siteB, strategy: 'optimal', targetKind: 'reduction', targetKw: 1.2, perMinute: 10, emergency: false }, now);
    // By hand, 1.2 kW to shed: miner 0 at 60 % (1,800 W) forgoes 40 % × 100 = 40 TH/s; miners 0 and 1
    // at 80 % forgo 20 % × (100 + 105) = 41 TH/s; sleeping one forgoes at least 100 TH/s.
    expect(r.plan.method).toBe('mip');
    expect(r.plan.met).toBe(true);
    expect((await eventMiners(r.id)).map((m) => [m.minerId, m.action, m.powerTargetW])).toEqual([[b[0], 'power_target', 1800]]);
    const [cmd] = await db.select().from(edgeCommands).where(eq(edgeCommands.minerId, b[0]!));
    expect([cmd!.commandType, (cmd!.params as { watts?: number }).watts]).toEqual(['SET_POWER_TARGET', 1800]);
  });

  it('firmware without power targets (the default test model) is offered no level', async () => {
    const fleet = await curtailmentFleet(db, scope, siteA, now, { minOnMinutes: 0, minOffMinutes: 0, powerTargetPcts: [80] });
    expect(fleet.every((m) => m.levels === undefined)).toBe(true);
  });
});

describe('the settings form (server action)', () => {
  it('a client is refused; an operator of another site gets NOT_FOUND; bad levels are field errors; good ones are stored', async () => {
    const orgId = scope.orgId;
    const fields = (over: Record<string, string> = {}) => formData({ siteId: siteB, minOnMinutes: '15', minOffMinutes: '10', powerTargetPcts: '85, 70', ...over });
    signedIn.actor = testActor(orgId, 'CLIENT', userId);
    expect(await saveCurtailmentSettingsAction(null, fields())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    signedIn.actor = testActor(orgId, 'OPERATOR', userId, [siteA]);
    expect(await saveCurtailmentSettingsAction(null, fields())).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    signedIn.actor = testActor(orgId, 'OPERATOR', userId, [siteB]);
    expect(await saveCurtailmentSettingsAction(null, fields({ minOnMinutes: '-5' }))).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { minOnMinutes: 'outOfRange' } });
    expect((await saveCurtailmentSettingsAction(null, fields({ powerTargetPcts: '80, 120' }))).ok).toBe(false);
    expect(await saveCurtailmentSettingsAction(null, fields())).toMatchObject({ ok: true });
    expect(await siteCurtailmentSettingsOf(db, siteB)).toEqual({ minOnMinutes: 15, minOffMinutes: 10, powerTargetPcts: [85, 70] });
  });
});
