import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { createStrikePlan } from '@/db/queries/power/curtailment-plans';
import { curtailmentEvents, curtailmentPlans, edgeCommands, minerTelemetryLive, powerPrices } from '@/db/schema';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite } from '../helpers/fixtures';
import { testJobs } from '../helpers/jobs';

/* Strike-price automation end to end: an HTTP feed on loopback, two windows above $100 curtail the site, two under $50 resume it. */

let db: Db;
let drop: () => Promise<void>;
let server: Server;
let feed: { start: string; usdPerMwh: number }[] = [];
let siteId = '';
let planId = '';
const at = (min: number) => new Date(Date.UTC(2026, 6, 15, 12, min));

async function evaluate(min: number) {
  const jobs = testJobs({ db, now: () => at(min) });
  const r = await new InngestTestEngine({ function: jobs.jobs.strikeEvaluate, events: [{ name: 'inngest/scheduled.timer', data: {} }] }).execute();
  expect(r.error).toBeUndefined();
  return (r.result as { results: Record<string, { actions: string[]; activeEventId: string | null; curtailed: boolean }> }).results[planId]!;
}

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(feed)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const org = await makeOrg(db);
  siteId = (await makeSite(db, org.id)).id;
  for (let i = 0; i < 4; i++) {
    const m = await makeMiner(db, { orgId: org.id, siteId });
    await db.insert(minerTelemetryLive).values({ minerId: m.id, orgId: org.id, siteId, collectedAt: at(0), online: true, powerW: 3000, hashrateAvgThs: 100 });
  }
  planId = await createStrikePlan(db, { orgId: org.id, sites: 'all', customers: 'all' }, null, {
    siteId,
    name: 'ERCOT strike',
    strategy: 'performance',
    targetKind: 'reduction',
    targetKw: 5,
    perMinute: 10,
    feedKind: 'http',
    feedUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/prices`,
    strike: { high: { kind: 'fixed', usdPerMwh: 100 }, low: { kind: 'fixed', usdPerMwh: 50 }, curtailAfter: 2, resumeAfter: 2 },
  });
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await drop?.();
});

describe('a strike plan on an HTTP price feed', () => {
  it('one window above the strike holds; the second curtails: an event with trigger strike and SLEEP commands', async () => {
    feed = [{ start: at(0).toISOString(), usdPerMwh: 120 }];
    expect(await evaluate(1)).toMatchObject({ actions: ['hold'], curtailed: false, activeEventId: null });
    feed = [...feed, { start: at(5).toISOString(), usdPerMwh: 130 }];
    const r = await evaluate(6);
    expect(r).toMatchObject({ actions: ['curtail'], curtailed: true });
    const [event] = await db.select().from(curtailmentEvents).where(eq(curtailmentEvents.id, r.activeEventId!));
    expect(event).toMatchObject({ trigger: 'strike', siteId, requestedShedW: 5000, plannedShedW: 6000 });
    expect(await db.select().from(edgeCommands).where(eq(edgeCommands.siteId, siteId))).toHaveLength(2);
    expect(await db.select().from(powerPrices).where(eq(powerPrices.siteId, siteId))).toHaveLength(2);
  });

  it('re-running the same windows decides nothing new', async () => {
    expect(await evaluate(7)).toMatchObject({ actions: [], curtailed: true });
    expect(await db.select().from(curtailmentEvents)).toHaveLength(1);
  });

  it('two windows under the low strike resume: the event is asked to stop and the plan lets it go', async () => {
    const [plan] = await db.select({ activeEventId: curtailmentPlans.activeEventId }).from(curtailmentPlans).where(eq(curtailmentPlans.id, planId));
    const activeEventId = plan!.activeEventId;
    feed = [...feed, { start: at(10).toISOString(), usdPerMwh: 40 }, { start: at(15).toISOString(), usdPerMwh: 30 }];
    expect(await evaluate(16)).toMatchObject({ actions: ['hold', 'resume'], curtailed: false, activeEventId: null });
    const [event] = await db.select().from(curtailmentEvents).where(eq(curtailmentEvents.id, activeEventId!));
    expect(event!.stopRequestedAt).not.toBeNull();
  });
});
