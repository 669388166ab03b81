import type { Db } from '@/db/client';
import { channelsOfUsers, tasksToRemind } from '@/db/queries/crm/task-reminders';
import { PRODUCT_NAME } from '@/lib/domain/brands/app-name';
import { taskReminderKey, taskReminderStage } from '@/lib/domain/crm/task-reminder';
import type { Notifier } from '@/lib/integrations/notify';
import { taskReminderMessage } from '@/lib/notifications/task-reminder';
import type { JobsClient } from '../../client';

/**
 * Every 15 minutes: each open CRM task due within the hour, or overdue (for up to a week), is sent to
 * its owner — on each of the owner's notification channels, or to the owner's e-mail when it has none.
 * Each (task, stage, due time, channel) is delivered once by its dedupe key, so a re-run, a retried
 * step or two overlapping runs send nothing twice; a task moved to a later due time is reminded again.
 */
export const crmTaskReminders = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'crm-task-reminders', triggers: [{ cron: '*/15 * * * *' }], concurrency: { limit: 1 } }, async ({ step, db, notifier, now: clock }) => {
    const now = new Date(await step.run('now', () => clock().toISOString()));
    const result = await step.run('remind', () => remind(db, notifier, now));
    return result;
  });

async function remind(db: Db, notifier: Notifier, now: Date) {
  const tasks = (await tasksToRemind(db, now)).flatMap((t) => {
    const stage = taskReminderStage(t.dueAt, now);
    return stage ? [{ ...t, stage }] : [];
  });
  const channels = await channelsOfUsers(db, [...new Set(tasks.map((t) => t.owner.id))]);
  let sent = 0;
  let duplicate = 0;
  for (const task of tasks) {
    const own = channels.filter((c) => c.userId === task.owner.id && c.orgId === task.orgId);
    const targets = own.length ? own : [{ id: null, kind: 'email' as const, format: 'signed' as const, target: task.owner.email, secretEnc: null }];
    const message = taskReminderMessage({ locale: task.owner.locale, appName: PRODUCT_NAME, stage: task.stage, subject: task.subject, party: task.party, dueAt: task.dueAt });
    for (const channel of targets) {
      const r = await notifier.deliverToChannel(db, channel, {
        orgId: task.orgId,
        userId: task.owner.id,
        kind: `crm.task_${task.stage}`,
        dedupeKey: `${taskReminderKey(task.id, task.stage, task.dueAt)}:${channel.id ?? 'email'}`,
        ...message,
        payload: { taskId: task.id, stage: task.stage, dueAt: task.dueAt.toISOString() },
      });
      if (r.status === 'sent') sent++;
      if (r.status === 'duplicate') duplicate++;
    }
  }
  return { tasks: tasks.length, sent, duplicate };
}
