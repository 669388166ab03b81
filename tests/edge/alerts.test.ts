import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { issueDeviceToken } from '@/lib/edge/devices';
import { createAlertRule, listAlerts, minerNames, rulesWithChannels, setAlertStatus } from '@/db/queries/edge/alerts';
import { edgeAlerts, notificationChannels, users } from '@/db/schema';
import type { Jobs } from '@/inngest';
import type { Scope } from '@/lib/core/scope';
import { buildEnvelope } from '@/lib/edge/envelope';
import { handleIngest } from '@/lib/edge/ingest/handle-ingest';
import { env } from '@/lib/env';
import { sealSecret } from '@/lib/integrations/notify';
import { createTestDb } from '../helpers/db';
import { testJobs } from '../helpers/jobs';
import { startFakeWebhook } from '../helpers/fake-webhook';
import { makeOrg, makeSite, makeUser } from '../helpers/fixtures';
import { ingestRequest, reading } from './ingest-helpers';

// The receiver is this test's own loopback server, which webhook delivery refuses unless the
// installation opts in; set before lib/env reads (and caches) the configuration.
vi.hoisted(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = 'true';
});

let db: Db;
let drop: () => Promise<void>;
let token: string;
let scope: Scope;
let userId: string;
let hook: Awaited<ReturnType<typeof startFakeWebhook>>;
let jobs: Jobs['jobs'];
const SECRET = 'whsec-edge-test-0123456789';

const send = async (temps: number[]) => {
  const at = new Date().toISOString();
  const readings = temps.map((t, i) => reading(i, at, { tempChipMaxC: t }));
  expect((await handleIngest(db, ingestRequest(token, buildEnvelope(readings, { collectedAt: at, edgeVersion: '1' })), new Date())).status).toBe(200);
};
const run = async () => {
  const out = await new InngestTestEngine({ function: jobs.evaluateEdgeAlerts }).execute();
  expect(out.error).toBeUndefined();
  return out.result as { opened: number; resolved: number; notified: number };
};

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  ({ jobs } = testJobs({ db }));
  hook = await startFakeWebhook(SECRET);
  const org = await makeOrg(db);
  const site = await makeSite(db, org.id);
  scope = { orgId: org.id, sites: 'all', customers: 'all' };
  userId = (await makeUser(db, { orgId: org.id, role: 'OPERATOR' })).user.id;
  token = (await issueDeviceToken(db, scope, null, { siteId: site.id, name: 'c' })).token;
  const [channel] = await db
    .insert(notificationChannels)
    .values({ orgId: org.id, userId, kind: 'webhook', label: 'ops', target: hook.url('/edge'), secretEnc: sealSecret(SECRET, env().authSecret) })
    .returning();
  await createAlertRule(db, scope, null, { name: 'Hot chips', kind: 'TEMP_HIGH', threshold: 85, siteId: site.id, modelId: null, customerId: null, channelId: channel!.id });
});
afterAll(async () => {
  await hook.close();
  await drop();
});

describe('edge alert rules (Inngest, every minute)', () => {
  it('opens one alert per firing miner, de-duplicates, notifies once, keeps an acknowledgement, resolves on recovery', async () => {
    await send([92, 70]);
    expect(await run()).toMatchObject({ opened: 1, resolved: 0, notified: 1 });
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]!.signatureValid).toBe(true);
    expect(JSON.parse(hook.received[0]!.body).data).toMatchObject({ rule: 'Hot chips', value: '92 °C', transition: 'opened' });
    const miner = JSON.parse(hook.received[0]!.body).data.miner as string;
    // The human text is in the channel owner's language (English here); the data above stays as stored.
    expect(JSON.parse(hook.received[0]!.body)).toMatchObject({ subject: `[HashInsight] Hot chips: ${miner} alert (92 °C)`, text: `[HashInsight] Hot chips: ${miner} alert (92 °C)` });

    await send([93, 70]);
    expect(await run()).toMatchObject({ opened: 0, resolved: 0, notified: 0 });
    const page = await listAlerts(db, scope, {}, { page: 1, pageSize: 25 });
    expect(page.total).toBe(1);
    expect(page.rows[0]!.value).toBe('93 °C');

    await setAlertStatus(db, scope, userId, page.rows[0]!.id, 'ACKNOWLEDGED', new Date());
    await run();
    expect((await db.select().from(edgeAlerts))[0]!.status).toBe('ACKNOWLEDGED');

    await db.update(users).set({ locale: 'zh' }).where(eq(users.id, userId));
    await send([75, 70]);
    expect(await run()).toMatchObject({ opened: 0, resolved: 1, notified: 1 });
    expect(JSON.parse(hook.received[1]!.body).subject).toBe(`[HashInsight] Hot chips：矿机 ${miner} 已恢复（93 °C）`);
    const [row] = await db.select().from(edgeAlerts).where(eq(edgeAlerts.id, page.rows[0]!.id));
    expect(row!.status).toBe('RESOLVED');
    expect(JSON.parse(hook.received[1]!.body).data.transition).toBe('resolved');
    expect((await listAlerts(db, scope, {}, { page: 1, pageSize: 25 })).total).toBe(0);
  });

  it('a scope without the site sees no alerts and cannot acknowledge them', async () => {
    await send([95, 70]);
    await run();
    const narrow: Scope = { ...scope, sites: [] };
    expect((await listAlerts(db, narrow, {}, { page: 1, pageSize: 25 })).total).toBe(0);
    const [open] = await db.select().from(edgeAlerts).where(eq(edgeAlerts.status, 'OPEN'));
    await expect(setAlertStatus(db, narrow, userId, open!.id, 'RESOLVED', new Date())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('what a notification names (rule, channel, miner) is read within the alert\'s organization only', async () => {
    const [alert] = await db.select().from(edgeAlerts).limit(1);
    const other = (await makeOrg(db, 'Other')).id;
    expect(await rulesWithChannels(db, scope.orgId, [alert!.ruleId])).toHaveLength(1);
    expect((await minerNames(db, scope.orgId, [alert!.minerId])).size).toBe(1);
    expect(await rulesWithChannels(db, other, [alert!.ruleId])).toEqual([]);
    expect((await minerNames(db, other, [alert!.minerId])).size).toBe(0);
  });
});
