import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { dueEscalations } from '@/db/queries/alerts/escalation';
import { insertChatChannel, listChannels } from '@/db/queries/alerts/notification-channels';
import { applyFirings, createAlertRule, listAlerts, setAlertStatus } from '@/db/queries/edge/alerts';
import { acknowledgePoolAlert, listAlerts as listPoolAlerts } from '@/db/queries/pool/alerts';
import { auditLog, notificationChannels, poolAccounts, poolWorkerAlerts, poolWorkerLinks, users } from '@/db/schema';
import type { Scope } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

const T0 = new Date('2026-12-06T10:00:00.000Z');
const page = { page: 1, pageSize: 25 };
let db: Db;
let drop: () => Promise<void>;
let scope: Scope;
let userId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const org = await makeOrg(db);
  scope = { orgId: org.id, sites: 'all', customers: 'all' };
  const [a, b] = [await makeSite(db, org.id, 'Hall A'), await makeSite(db, org.id, 'Hall B')];
  ids.siteA = a.id;
  ids.siteB = b.id;
  userId = (await makeUser(db, { orgId: org.id, role: 'OPERATOR' })).user.id;
  await db.update(users).set({ name: 'Night Operator' }).where(eq(users.id, userId));
  const [offline] = await createAlertRule(db, scope, null, { name: 'Offline', kind: 'OFFLINE', threshold: 5, siteId: null, modelId: null, customerId: null });
  const [slow] = await createAlertRule(db, scope, null, { name: 'Slow', kind: 'HASHRATE_LOW', threshold: 80, siteId: null, modelId: null, customerId: null, severity: 'info' });
  const mA = await makeMiner(db, { orgId: org.id, siteId: a.id });
  const mB = await makeMiner(db, { orgId: org.id, siteId: b.id });
  ids.minerA = mA.id;
  ids.minerAName = mA.name;
  await applyFirings(
    db,
    org.id,
    [
      { ruleId: offline!.id, minerId: mA.id, siteId: a.id, value: '12 min' },
      { ruleId: slow!.id, minerId: mB.id, siteId: b.id, value: '40.0 %' },
    ],
    T0,
  );
  const [account] = await db.insert(poolAccounts).values({ orgId: org.id, label: 'Main', userId: 'acct' }).returning();
  await db.insert(poolWorkerLinks).values({ accountId: account!.id, workerName: 'w-1', minerId: mA.id });
  const [alert] = await db
    .insert(poolWorkerAlerts)
    .values({ orgId: org.id, accountId: account!.id, kind: 'low_hashrate', subject: 'acct/w-1', detail: { hs1h: '40000000000000', hs1d: '100000000000000', thresholdPct: 50 }, openedAt: T0, lastSeenAt: T0 })
    .returning();
  ids.poolAlert = alert!.id;
  await db.insert(poolWorkerAlerts).values({ orgId: org.id, accountId: account!.id, kind: 'worker_offline', subject: 'acct/w-1', openedAt: T0, lastSeenAt: T0 });
});
afterAll(async () => {
  await drop();
});

describe('edge alert list for operators', () => {
  it('filters by severity, site and state, and says who acknowledged', async () => {
    const all = await listAlerts(db, scope, {}, page);
    expect(all.total).toBe(2);
    expect(all.rows.find((r) => r.kind === 'OFFLINE')).toMatchObject({ severity: 'critical', siteName: 'Hall A', minerId: ids.minerA, threshold: 5 });
    expect((await listAlerts(db, scope, { severity: 'info' }, page)).rows.map((r) => r.ruleName)).toEqual(['Slow']);
    expect((await listAlerts(db, scope, { siteId: ids.siteA! }, page)).rows.map((r) => r.ruleName)).toEqual(['Offline']);
    const offline = all.rows.find((r) => r.kind === 'OFFLINE')!;
    await setAlertStatus(db, scope, userId, offline.id, 'ACKNOWLEDGED', new Date('2026-12-06T10:05:00.000Z'));
    const acked = await listAlerts(db, scope, { status: 'ACKNOWLEDGED' }, page);
    expect(acked.rows).toHaveLength(1);
    expect(acked.rows[0]).toMatchObject({ acknowledgedBy: 'Night Operator', acknowledgedAt: new Date('2026-12-06T10:05:00.000Z') });
    expect((await listAlerts(db, scope, { status: 'OPEN' }, page)).rows.map((r) => r.ruleName)).toEqual(['Slow']);
    expect((await listAlerts(db, { ...scope, sites: [ids.siteB!] }, {}, page)).rows.map((r) => r.ruleName)).toEqual(['Slow']);
  });

  it('a rule notifies only a channel of its own organization', async () => {
    const other = await makeOrg(db, 'Other');
    const otherUser = (await makeUser(db, { orgId: other.id, role: 'OWNER' })).user.id;
    const [foreign] = await db.insert(notificationChannels).values({ orgId: other.id, userId: otherUser, kind: 'email', label: 'x', target: 'x@example.test' }).returning();
    await expect(createAlertRule(db, scope, null, { name: 'Hot', kind: 'TEMP_HIGH', threshold: 85, siteId: null, modelId: null, customerId: null, channelId: foreign!.id })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('pool alerts: link, threshold, acknowledge', () => {
  it('lists the worker, its linked miner and the detail the threshold is read from', async () => {
    const rows = (await listPoolAlerts(db, scope, { state: 'open' }, page)).rows;
    expect(rows.find((r) => r.kind === 'low_hashrate')).toMatchObject({ workerName: 'w-1', minerId: ids.minerA, minerName: ids.minerAName, detail: { thresholdPct: 50 }, acknowledgedAt: null });
  });

  it('acknowledging records who and when, is audited, happens once, and stops the escalation', async () => {
    await expect(acknowledgePoolAlert(db, { ...scope, sites: [ids.siteB!], customers: 'all' }, userId, ids.poolAlert!, T0)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [offline] = await db.select().from(poolWorkerAlerts).where(and(eq(poolWorkerAlerts.kind, 'worker_offline'), eq(poolWorkerAlerts.orgId, scope.orgId)));
    expect((await dueEscalations(db, scope.orgId, 15, new Date(T0.getTime() + 20 * 60_000))).pool.map((a) => a.alertId)).toEqual([offline!.id]);
    await acknowledgePoolAlert(db, { ...scope, sites: [ids.siteA!], customers: 'all' }, userId, offline!.id, new Date(T0.getTime() + 60_000));
    await expect(acknowledgePoolAlert(db, scope, userId, offline!.id, T0)).rejects.toMatchObject({ code: 'CONFLICT' });
    const row = (await listPoolAlerts(db, scope, { state: 'open', kind: 'worker_offline' }, page)).rows[0]!;
    expect(row).toMatchObject({ acknowledgedBy: 'Night Operator', acknowledgedAt: new Date(T0.getTime() + 60_000) });
    expect(await db.$count(auditLog, and(eq(auditLog.action, 'pool.alert.acknowledged'), eq(auditLog.entityId, offline!.id)))).toBe(1);
    expect((await dueEscalations(db, scope.orgId, 15, new Date(T0.getTime() + 20 * 60_000))).pool).toEqual([]);
  });
});

describe('chat channels as the browser sees them', () => {
  it('carry the format and the masked target, never the sealed secret', async () => {
    const owner = { orgId: scope.orgId, userId };
    await insertChatChannel(db, owner, { format: 'telegram', label: 'ops chat', target: '-100123', secretEnc: 'v1.sealed.bot.token' });
    const [view] = await listChannels(db, owner);
    expect(view).toEqual({ id: expect.any(String), kind: 'webhook', format: 'telegram', label: 'ops chat', target: '-100123', hasSecret: true });
    expect(JSON.stringify(view)).not.toContain('sealed');
  });
});
