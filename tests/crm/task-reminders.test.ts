import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { insertWebhookChannel } from '@/db/queries/alerts/notification-channels';
import { crmActivities, notificationDeliveries, users } from '@/db/schema';
import { env } from '@/lib/env';
import { createNotifier, sealSecret } from '@/lib/integrations/notify';
import { createTestDb } from '../helpers/db';
import { startFakeSmtp } from '../helpers/fake-smtp';
import { startFakeWebhook } from '../helpers/fake-webhook';
import { makeCustomer, makeOrg, makeUser } from '../helpers/fixtures';
import { testJobs } from '../helpers/jobs';

// The task-reminder job end to end: due-soon and overdue tasks to their owner's channels (a webhook
// here) or, without any, the owner's e-mail (the SMTP fake); each once, however often the job runs.

const HOOK_SECRET = 'task-hook-secret';
let db: Db;
let drop: () => Promise<void>;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
let hook: Awaited<ReturnType<typeof startFakeWebhook>>;
let orgId: string;
let hookOwner: string;
let mailOwner: string;
let disabledOwner: string;
let customerId: string;

const run = (now: string) =>
  new InngestTestEngine({ function: testJobs({ db, now: () => new Date(now), notifier: createNotifier({ smtp: smtp.smtp, webhook: { backoffMs: 2, timeoutMs: 500, allowPrivateNetworks: true } }) }).jobs.crmTaskReminders }).execute();
const task = (subject: string, dueAt: string, ownerUserId: string, extra: Partial<typeof crmActivities.$inferInsert> = {}) =>
  db.insert(crmActivities).values({ orgId, customerId, kind: 'task', subject, dueAt: new Date(dueAt), ownerUserId, ...extra }).returning().then((r) => r[0]!);

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  smtp = await startFakeSmtp();
  hook = await startFakeWebhook(HOOK_SECRET);
  orgId = (await makeOrg(db)).id;
  customerId = (await makeCustomer(db, orgId)).id;
  hookOwner = (await makeUser(db, { orgId, role: 'ADMIN' })).user.id;
  mailOwner = (await makeUser(db, { orgId, role: 'MINING_SITE_OWNER', email: 'sales@host.example' })).user.id;
  await db.update(users).set({ locale: 'zh' }).where(eq(users.id, mailOwner));
  disabledOwner = (await makeUser(db, { orgId, role: 'OPERATOR', disabledAt: new Date('2026-01-01T00:00:00Z') })).user.id;
  await insertWebhookChannel(db, { orgId, userId: hookOwner }, { label: 'CRM hook', url: hook.url('/crm'), secretEnc: sealSecret(HOOK_SECRET, env().authSecret) });
  await task('Call Acme about rack B', '2026-04-10T12:30:00Z', hookOwner); // due soon at 12:00
  await task('Send the offer', '2026-04-10T09:00:00Z', mailOwner); // overdue at 12:00
  await task('Done already', '2026-04-10T09:00:00Z', mailOwner, { completedAt: new Date('2026-04-10T08:00:00Z') });
  await task('Tomorrow', '2026-04-11T12:00:00Z', hookOwner);
  await task('Long forgotten', '2026-03-01T09:00:00Z', mailOwner);
  await task('Owner gone', '2026-04-10T09:00:00Z', disabledOwner);
});
afterAll(async () => {
  await smtp.close();
  await hook.close();
  await drop();
});

describe('crm-task-reminders job', () => {
  it('sends the due-soon task to the owner’s webhook and the overdue one to the other owner’s e-mail, in its language; nothing else', async () => {
    expect((await run('2026-04-10T12:00:00Z')).result).toEqual({ tasks: 2, sent: 2, duplicate: 0 });
    expect(hook.received).toHaveLength(1);
    const body = JSON.parse(hook.received[0]!.body) as { kind: string; subject: string; data: { stage: string } };
    expect(body).toMatchObject({ kind: 'crm.task_due', data: { stage: 'due' } });
    expect(body.subject).toContain('Call Acme about rack B');
    expect(hook.received[0]!.signatureValid).toBe(true);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['sales@host.example']);
    expect(smtp.received[0]!.raw).toContain('=?UTF-8?'); // the Chinese subject
  });

  it('a re-run sends nothing twice; later the due-soon task, now overdue, is reminded once more', async () => {
    expect((await run('2026-04-10T12:10:00Z')).result).toEqual({ tasks: 2, sent: 0, duplicate: 2 });
    expect((await run('2026-04-10T12:45:00Z')).result).toEqual({ tasks: 2, sent: 1, duplicate: 1 });
    expect((await run('2026-04-10T12:50:00Z')).result).toEqual({ tasks: 2, sent: 0, duplicate: 2 });
    expect(hook.received).toHaveLength(2);
    expect(JSON.parse(hook.received[1]!.body)).toMatchObject({ kind: 'crm.task_overdue' });
    const rows = await db.select({ key: notificationDeliveries.dedupeKey }).from(notificationDeliveries).where(eq(notificationDeliveries.orgId, orgId));
    expect(rows).toHaveLength(3);
  });

  it('a task moved to a new due time is reminded again; a completed one is not', async () => {
    const [offer] = await db.select().from(crmActivities).where(eq(crmActivities.subject, 'Send the offer'));
    await db.update(crmActivities).set({ dueAt: new Date('2026-04-10T13:30:00Z') }).where(eq(crmActivities.id, offer!.id));
    await db.update(crmActivities).set({ completedAt: new Date('2026-04-10T12:55:00Z') }).where(eq(crmActivities.subject, 'Call Acme about rack B'));
    expect((await run('2026-04-10T13:00:00Z')).result).toEqual({ tasks: 1, sent: 1, duplicate: 0 });
    expect(smtp.received).toHaveLength(2);
  });
});
