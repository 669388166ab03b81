import { InngestTestEngine } from '@inngest/test';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listAnomalyFlags } from '@/db/queries/anomaly/flags';
import { createAlertRule } from '@/db/queries/edge/alerts';
import { anomalyFlags, curtailmentEventMiners, curtailmentEvents, edgeAlerts, miners, telemetryDaily, telemetryHistory5min } from '@/db/schema';
import type { Jobs } from '@/inngest';
import { createTestDb } from '../helpers/db';
import { testJobs } from '../helpers/jobs';
import { simulateFarm, type Truth } from './simulated-farm';

const NOW = new Date('2026-11-20T12:00:00Z');
let db: Db;
let drop: () => Promise<void>;
let jobs: Jobs['jobs'];
let clock = NOW;
let orgId: string;
let truth: Truth[];

const run = async (fn: 'detectTelemetryAnomalies' | 'evaluateEdgeAlerts') => {
  const out = await new InngestTestEngine({ function: jobs[fn] }).execute();
  expect(out.error).toBeUndefined();
  return out.result as Record<string, number>;
};
const openFlags = () => db.select().from(anomalyFlags).where(isNull(anomalyFlags.resolvedAt));
const openFlagsOf = (minerId: string) => db.select().from(anomalyFlags).where(and(isNull(anomalyFlags.resolvedAt), eq(anomalyFlags.minerId, minerId)));
const openAlerts = () => db.select().from(edgeAlerts).where(eq(edgeAlerts.status, 'OPEN'));

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  ({ jobs } = testJobs({ db, now: () => clock }));
  // 2 sites × 2 models × 10 miners, one of each injected kind per site and model: 16 anomalous, 24 untouched.
  ({ orgId, truth } = await simulateFarm(db, { seed: 7, now: NOW, perGroup: 10, perKind: 1 }));
  const scope = { orgId, sites: 'all' as const, customers: 'all' as const };
  await createAlertRule(db, scope, null, { name: 'Anomalies', kind: 'ANOMALY', threshold: 0, siteId: null, modelId: null, customerId: null });
  await createAlertRule(db, scope, null, { name: 'Offline', kind: 'OFFLINE', threshold: 5, siteId: null, modelId: null, customerId: null });
}, 120_000);
afterAll(() => drop());

describe('the anomaly job', () => {
  it('stores flags for the injected miners, opens one ANOMALY alert per flagged miner, and a re-run changes nothing', async () => {
    const first = await run('detectTelemetryAnomalies');
    const flags = await openFlags();
    const flaggedMiners = new Set(flags.map((f) => f.minerId));
    const injected = new Set(truth.filter((t) => t.injected).map((t) => t.minerId));
    expect([...flaggedMiners].filter((m) => !injected.has(m))).toEqual([]);
    expect(flaggedMiners.size).toBeGreaterThanOrEqual(14);
    expect(first).toMatchObject({ orgs: 1, flagged: flags.length, alertsOpened: flaggedMiners.size });
    expect(new Set((await openAlerts()).map((a) => a.minerId))).toEqual(flaggedMiners);

    const again = await run('detectTelemetryAnomalies');
    expect(again).toMatchObject({ flagged: flags.length, alertsOpened: 0 });
    expect((await openFlags()).map((f) => f.id).sort()).toEqual(flags.map((f) => f.id).sort());
    expect(await db.$count(anomalyFlags)).toBe(flags.length);
  });

  it('the minute job judging live rules leaves the ANOMALY alerts open', async () => {
    const before = (await openAlerts()).length;
    await run('evaluateEdgeAlerts');
    expect((await openAlerts()).filter((a) => a.value !== null && !/min$/.test(a.value)).length).toBe(before);
  });

  it('lists the flags with their explanation, filtered and paged, in scope only', async () => {
    const scope = { orgId, sites: 'all' as const, customers: 'all' as const };
    const fans = await listAnomalyFlags(db, scope, { kind: 'fan_failure' }, { page: 1, pageSize: 2 });
    expect(fans.total).toBe(4);
    expect(fans.rows).toHaveLength(2);
    expect(fans.rows[0]!.explain[0]).toMatchObject({ key: 'fan', values: { value: 0 } });
    expect((await listAnomalyFlags(db, { ...scope, sites: [] }, {}, { page: 1, pageSize: 50 })).total).toBe(0);
  });

  it('leaves out a miner in a running curtailment: its drop is intended', async () => {
    const miner = truth.find((t) => t.injected === 'hashboard_loss')!.minerId;
    const [m] = await db.select({ siteId: miners.siteId }).from(miners).where(eq(miners.id, miner));
    const [event] = await db.insert(curtailmentEvents).values({ orgId, siteId: m!.siteId, strategy: 'optimal', targetKind: 'reduction', targetKw: '3', perMinute: 10, baselineW: 3000, requestedShedW: 1000, plannedShedW: 1000, waves: 1, createdAt: new Date(NOW.getTime() - 7_200_000) }).returning();
    await db.insert(curtailmentEventMiners).values({ eventId: event!.id, minerId: miner, action: 'power_target', powerTargetW: 2000, wave: 0, prePowerW: 3000, preHashrateThs: 100 });
    expect(await openFlagsOf(miner)).not.toEqual([]);
    // Later evaluations (a re-run of the same instant may not resolve what it saw).
    clock = new Date(NOW.getTime() + 5 * 60_000);
    await run('detectTelemetryAnomalies');
    expect(await openFlagsOf(miner)).toEqual([]);
    await db.delete(curtailmentEvents).where(eq(curtailmentEvents.id, event!.id));
    clock = new Date(NOW.getTime() + 10 * 60_000);
    await run('detectTelemetryAnomalies');
    expect(await openFlagsOf(miner)).not.toEqual([]);
  });

  it('resolves flags and their alerts once the miners look normal again', async () => {
    // Each injected miner's last hour rewritten with its own figures of a day 30 days ago (before any
    // injection): it looks like itself again, so nothing step-like remains in the recent window.
    for (const t of truth.filter((x) => x.injected)) {
      const [day] = await db.select().from(telemetryDaily).where(eq(telemetryDaily.minerId, t.minerId)).orderBy(asc(telemetryDaily.day)).limit(1);
      await db
        .update(telemetryHistory5min)
        .set({ hashrateAvgThs: day!.hashrateAvgThs, tempChipAvgC: day!.tempChipAvgC, powerAvgW: day!.powerAvgW, fanMinRpm: day!.fanMinRpm })
        .where(eq(telemetryHistory5min.minerId, t.minerId));
    }
    clock = new Date(NOW.getTime() + 15 * 60_000);
    await run('detectTelemetryAnomalies');
    const left = await openFlags();
    // Drift lives in the daily history, which this does not rewrite; every step-like flag is gone.
    expect(left.filter((f) => f.kind !== "hashrate_drift" && f.kind !== "temp_drift").map((f) => [f.kind, JSON.stringify(f.explain)])).toEqual([]);
    expect(new Set((await openAlerts()).map((a) => a.minerId))).toEqual(new Set(left.map((f) => f.minerId)));
  });
});
