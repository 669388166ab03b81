import { InngestTestEngine } from '@inngest/test';
import { eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { saveEscalationSettings } from '@/db/queries/alerts/escalation';
import { applyFirings, createAlertRule, setAlertStatus } from '@/db/queries/edge/alerts';
import { edgeAlertRules, edgeAlerts, notificationChannels, poolWorkerAlerts } from '@/db/schema';
import type { Jobs } from '@/inngest';
import type { Scope } from '@/lib/core/scope';
import { env } from '@/lib/env';
import { sealSecret } from '@/lib/integrations/notify';
import { createTestDb } from '../helpers/db';
import { startFakeWebhook } from '../helpers/fake-webhook';
import { makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';
import { testJobs } from '../helpers/jobs';

// The second contact's receiver is this test's loopback server; set before lib/env reads the configuration.
vi.hoisted(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = 'true';
});

const SECRET = 'whsec-escalation-0123456789';
const T0 = new Date('2026-12-06T10:00:00.000Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
let db: Db;
let drop: () => Promise<void>;
let hook: Awaited<ReturnType<typeof startFakeWebhook>>;
let jobs: Jobs['jobs'];
let clock = T0;
let scope: Scope;
let userId: string;
const ids: Record<string, string> = {};

const run = async () => {
  const out = await new InngestTestEngine({ function: jobs.escalateAlerts }).execute();
  expect(out.error).toBeUndefined();
  return out.result as { orgs: number; escalated: number; sent: number };
};
/** The firings still open, so re-applying them with new ones resolves nothing. */
const openFirings = async () =>
  (await db.select().from(edgeAlerts).where(ne(edgeAlerts.status, 'RESOLVED'))).map((a) => ({ ruleId: a.ruleId, minerId: a.minerId, siteId: a.siteId, value: a.value }));
const bodies = () => hook.received.map((r) => JSON.parse(r.body) as { kind: string; subject: string; text: string; data: Record<string, unknown> });

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  ({ jobs } = testJobs({ db, now: () => clock }));
  hook = await startFakeWebhook(SECRET);
  const org = await makeOrg(db);
  scope = { orgId: org.id, sites: 'all', customers: 'all' };
  const site = await makeSite(db, org.id, 'Hall A');
  userId = (await makeUser(db, { orgId: org.id, role: 'OWNER' })).user.id;
  const [second] = await db
    .insert(notificationChannels)
    .values({ orgId: org.id, userId, kind: 'webhook', label: 'night shift', target: hook.url('/second'), secretEnc: sealSecret(SECRET, env().authSecret) })
    .returning();
  ids.channel = second!.id;
  const [offline] = await createAlertRule(db, scope, null, { name: 'Offline 5 min', kind: 'OFFLINE', threshold: 5, siteId: site.id, modelId: null, customerId: null });
  const [slow] = await createAlertRule(db, scope, null, { name: 'Slow', kind: 'HASHRATE_LOW', threshold: 80, siteId: site.id, modelId: null, customerId: null });
  const [m1, m2, m3] = [await makeMiner(db, { orgId: org.id, siteId: site.id }), await makeMiner(db, { orgId: org.id, siteId: site.id }), await makeMiner(db, { orgId: org.id, siteId: site.id })];
  ids.miner1 = m1!.name;
  // Critical and open (escalates), critical but acknowledged (someone is on it), a warning (never escalates).
  await applyFirings(
    db,
    org.id,
    [
      { ruleId: offline!.id, minerId: m1!.id, siteId: site.id, value: '6 min' },
      { ruleId: offline!.id, minerId: m2!.id, siteId: site.id, value: '6 min' },
      { ruleId: slow!.id, minerId: m3!.id, siteId: site.id, value: '40.0 %' },
    ],
    T0,
  );
  const [acked] = await db.select().from(edgeAlerts).where(eq(edgeAlerts.minerId, m2!.id));
  await setAlertStatus(db, scope, userId, acked!.id, 'ACKNOWLEDGED', at(1));
  await db.insert(poolWorkerAlerts).values([
    { orgId: org.id, kind: 'worker_offline', subject: 'acct/w-17', openedAt: T0, lastSeenAt: T0 },
    { orgId: org.id, kind: 'low_hashrate', subject: 'acct/w-18', openedAt: T0, lastSeenAt: T0 },
  ]);
  await saveEscalationSettings(db, scope, userId, { afterMinutes: 15, channelId: second!.id }, T0);
});
afterAll(async () => {
  await hook.close();
  await drop();
});

describe('escalation of unacknowledged critical alerts (fixed clock)', () => {
  it('sends nothing before the set time', async () => {
    clock = at(14);
    expect(await run()).toMatchObject({ orgs: 1, escalated: 0, sent: 0 });
    expect(hook.received).toHaveLength(0);
  });

  it('after it, sends the open critical edge alert and the critical pool alert once each to the second contact', async () => {
    clock = at(16);
    expect(await run()).toMatchObject({ escalated: 2, sent: 2 });
    expect(hook.received.map((r) => [r.path, r.signatureValid])).toEqual([
      ['/second', true],
      ['/second', true],
    ]);
    const [edge, pool] = bodies();
    expect(edge).toMatchObject({ kind: 'alert.escalation', subject: `[HashInsight] Unacknowledged for 15 min: Offline 5 min: ${ids.miner1}`, data: { source: 'edge', count: 1 } });
    expect(edge!.text).toContain('Open since 2026-12-06T10:00:00.000Z (UTC).');
    expect(pool).toMatchObject({ subject: '[HashInsight] Unacknowledged for 15 min: worker offline acct/w-17', data: { source: 'pool', kind: 'worker_offline' } });
    const rows = await db.select({ escalatedAt: edgeAlerts.escalatedAt, status: edgeAlerts.status }).from(edgeAlerts);
    expect(rows.filter((r) => r.escalatedAt).map((r) => r.status)).toEqual(['OPEN']);
  });

  it('running again — the same minute or later — sends nothing more', async () => {
    expect(await run()).toMatchObject({ escalated: 0, sent: 0 });
    clock = at(90);
    expect(await run()).toMatchObject({ escalated: 0, sent: 0 });
    expect(hook.received).toHaveLength(2);
  });

  it('many unacknowledged alerts of one site and rule escalate as one message with the count and a sample', async () => {
    const [rule] = await db.select().from(edgeAlertRules).where(eq(edgeAlertRules.name, 'Offline 5 min'));
    const rack = await Promise.all(Array.from({ length: 12 }, () => makeMiner(db, { orgId: scope.orgId, siteId: rule!.siteId! })));
    await applyFirings(db, scope.orgId, [...(await openFirings()), ...rack.map((m) => ({ ruleId: rule!.id, minerId: m.id, siteId: rule!.siteId!, value: '7 min' }))], at(100));
    clock = at(116);
    expect(await run()).toMatchObject({ escalated: 12, sent: 1 });
    expect(bodies().at(-1)).toMatchObject({ subject: '[HashInsight] Unacknowledged for 15 min: Offline 5 min: 12 miners at Hall A', data: { source: 'edge', count: 12 } });
    expect((bodies().at(-1)!.data.alerts as unknown[]).length).toBe(10);
    expect(bodies().at(-1)!.text).toContain('… and 2 more');
    expect(await run()).toMatchObject({ escalated: 0, sent: 0 });
  });

  it('an organization-wide role alone may set it, and only to a channel of its organization', async () => {
    await expect(saveEscalationSettings(db, { ...scope, sites: [] }, userId, { afterMinutes: 30, channelId: ids.channel! }, T0)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const other = await makeOrg(db, 'Other');
    await expect(saveEscalationSettings(db, { orgId: other.id, sites: 'all', customers: 'all' }, userId, { afterMinutes: 30, channelId: ids.channel! }, T0)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
