import { InngestTestEngine } from '@inngest/test';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { createAlertRule } from '@/db/queries/edge/alerts';
import { edgeAlerts, notificationChannels, notificationDeliveries } from '@/db/schema';
import type { Jobs } from '@/inngest';
import type { Scope } from '@/lib/core/scope';
import { STORM_SAMPLE } from '@/lib/domain/alerts/storm';
import { issueDeviceToken } from '@/lib/edge/devices';
import { buildEnvelope } from '@/lib/edge/envelope';
import { handleIngest } from '@/lib/edge/ingest/handle-ingest';
import { env } from '@/lib/env';
import { sealSecret } from '@/lib/integrations/notify';
import { createTestDb } from '../helpers/db';
import { startFakeWebhook } from '../helpers/fake-webhook';
import { makeOrg, makeSite, makeUser } from '../helpers/fixtures';
import { testJobs } from '../helpers/jobs';
import { ingestRequest, reading } from '../edge/ingest-helpers';

// The receiver is this test's loopback server; set before lib/env reads the configuration.
vi.hoisted(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = 'true';
});

const SECRET = 'whsec-storm-test-0123456789';
const T0 = Date.now() - 30 * 60_000;
let db: Db;
let drop: () => Promise<void>;
let hook: Awaited<ReturnType<typeof startFakeWebhook>>;
let jobs: Jobs['jobs'];
let clock = new Date(T0);
let rack: string;
let other: string;

/** `n` miners (ports from `first`) of the site behind `token`, online or not, read at `at`. */
const send = async (token: string, first: number, n: number, online: boolean, at: Date) => {
  const iso = at.toISOString();
  const readings = Array.from({ length: n }, (_, i) => reading(first + i, iso, online ? {} : { online: false, error: 'timeout', hashrate5sThs: null, hashrateAvgThs: null }));
  expect((await handleIngest(db, ingestRequest(token, buildEnvelope(readings, { collectedAt: iso, edgeVersion: '1' })), at)).status).toBe(200);
};
const run = async () => {
  const out = await new InngestTestEngine({ function: jobs.evaluateEdgeAlerts }).execute();
  expect(out.error).toBeUndefined();
  return out.result as { opened: number; resolved: number; notified: number };
};
const bodies = () => hook.received.map((r) => JSON.parse(r.body) as { kind: string; subject: string; text: string; data: Record<string, unknown> });

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  ({ jobs } = testJobs({ db, now: () => clock }));
  hook = await startFakeWebhook(SECRET);
  const org = await makeOrg(db);
  const scope: Scope = { orgId: org.id, sites: 'all', customers: 'all' };
  const siteA = await makeSite(db, org.id, 'Hall A');
  const siteB = await makeSite(db, org.id, 'Hall B');
  rack = (await issueDeviceToken(db, scope, null, { siteId: siteA.id, name: 'a' })).token;
  other = (await issueDeviceToken(db, scope, null, { siteId: siteB.id, name: 'b' })).token;
  const userId = (await makeUser(db, { orgId: org.id, role: 'OPERATOR' })).user.id;
  const [channel] = await db
    .insert(notificationChannels)
    .values({ orgId: org.id, userId, kind: 'webhook', label: 'ops', target: hook.url('/storm'), secretEnc: sealSecret(SECRET, env().authSecret) })
    .returning();
  await createAlertRule(db, scope, null, { name: 'Offline 5 min', kind: 'OFFLINE', threshold: 5, siteId: null, modelId: null, customerId: null, channelId: channel!.id });
  await send(rack, 0, 200, true, new Date(T0));
  await send(other, 1000, 1, true, new Date(T0));
});
afterAll(async () => {
  await hook.close();
  await drop();
});

describe('alert storm: a whole rack offline in one evaluation window', () => {
  it('sends one notification for the 200 miners of one site and rule, with the count and a sample, and the lone miner elsewhere on its own', async () => {
    const down = new Date(T0 + 60_000);
    await send(rack, 0, 200, false, down);
    await send(other, 1000, 1, false, down);
    clock = new Date(T0 + 10 * 60_000);
    expect(await run()).toMatchObject({ opened: 201, resolved: 0, notified: 2 });
    expect(await db.$count(edgeAlerts)).toBe(201);
    expect(hook.received).toHaveLength(2);
    expect(hook.received.every((r) => r.signatureValid)).toBe(true);
    const storm = bodies().find((b) => b.kind === 'edge.alert.storm.opened')!;
    expect(storm.subject).toBe('[HashInsight] Offline 5 min: 200 miners at Hall A alert');
    expect(storm.data).toMatchObject({ storm: true, count: 200, site: 'Hall A', transition: 'opened', severity: 'critical' });
    expect(storm.data.sample).toHaveLength(STORM_SAMPLE);
    // The text lists the sample, each with its value, and counts the rest.
    const lines = storm.text.split('\n');
    expect(lines.filter((l) => / \(\d+ min\)$/.test(l))).toHaveLength(STORM_SAMPLE);
    expect(lines.at(-1)).toBe('… and 190 more');
    const single = bodies().find((b) => b.kind === 'edge.alert.opened')!;
    expect(single.data).toMatchObject({ transition: 'opened', value: '9 min' });
  });

  it('a re-run of the same window sends nothing more', async () => {
    expect(await run()).toMatchObject({ opened: 0, notified: 0 });
    expect(hook.received).toHaveLength(2);
    expect(await db.$count(notificationDeliveries)).toBe(2);
  });

  it('the rack coming back is one "recovered" message too', async () => {
    const up = new Date(T0 + 12 * 60_000);
    await send(rack, 0, 200, true, up);
    clock = new Date(T0 + 13 * 60_000);
    expect(await run()).toMatchObject({ opened: 0, resolved: 200, notified: 1 });
    expect(bodies().at(-1)).toMatchObject({ kind: 'edge.alert.storm.resolved', subject: '[HashInsight] Offline 5 min: 200 miners at Hall A recovered', data: { count: 200 } });
  });
});
