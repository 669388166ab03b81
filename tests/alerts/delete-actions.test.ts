import { signedIn } from '../helpers/signed-in';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { ensureEmailChannel, listChannels } from '@/db/queries/alerts/notification-channels';
import { listRules, saveRule } from '@/db/queries/alerts/rules';
import { auditLog } from '@/db/schema';
import type { Role } from '@/lib/core/roles';
import { testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/fixtures';

// The delete actions run for real against the test database; only the signed-in user is stood in for.

const { deleteAlertRuleAction } = await import('@/lib/actions/alerts/delete-alert-rule');
const { deleteNotificationChannelAction } = await import('@/lib/actions/alerts/delete-notification-channel');

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
const users: Record<string, string> = {};

const signIn = (role: Role, userId: string) => {
  signedIn.actor = testActor(orgId, role, userId);
};
const auditOf = async (entityId: string) => (await db.select().from(auditLog).where(eq(auditLog.entityId, entityId))).map((a) => ({ action: a.action, entityType: a.entityType, actorUserId: a.actorUserId }));

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  orgId = (await makeOrg(db)).id;
  users.me = (await makeUser(db, { orgId, role: 'OPERATOR' })).user.id;
  users.colleague = (await makeUser(db, { orgId, role: 'OPERATOR' })).user.id;
});
afterAll(() => drop());

describe('deleting one’s own alert rules and channels', () => {
  it('deletes the user’s own rule with an audit entry; another user’s, or a deleted one, is NOT_FOUND', async () => {
    const me = { orgId, userId: users.me! };
    const channel = await ensureEmailChannel(db, me, 'me@example.test', 'Me');
    const rule = (await saveRule(db, me, { kind: 'hashprice_below', threshold: 45, channelIds: [channel] }))!;

    signIn('OPERATOR', users.colleague!);
    expect(await deleteAlertRuleAction(rule)).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await deleteNotificationChannelAction(channel)).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect((await listRules(db, me)).map((r) => r.id)).toEqual([rule]);

    signIn('OPERATOR', users.me!);
    expect(await deleteAlertRuleAction(rule)).toEqual({ ok: true, data: { id: rule } });
    expect(await listRules(db, me)).toEqual([]);
    expect(await auditOf(rule)).toEqual([{ action: 'alert_rule.delete', entityType: 'profitability_alert_rule', actorUserId: users.me }]);
    expect(await deleteAlertRuleAction(rule)).toEqual({ ok: false, code: 'NOT_FOUND' });

    expect(await deleteNotificationChannelAction(channel)).toEqual({ ok: true, data: { id: channel } });
    expect(await listChannels(db, me)).toEqual([]);
    expect(await auditOf(channel)).toEqual([{ action: 'notification_channel.delete', entityType: 'notification_channel', actorUserId: users.me }]);
  });

  it('refuses a malformed id as VALIDATION and a signed-out user as UNAUTHENTICATED', async () => {
    signIn('OPERATOR', users.me!);
    expect(await deleteAlertRuleAction('not-a-uuid')).toMatchObject({ ok: false, code: 'VALIDATION' });
    signedIn.actor = null;
    expect(await deleteNotificationChannelAction('00000000-0000-4000-8000-000000000000')).toEqual({ ok: false, code: 'UNAUTHENTICATED' });
  });
});
