import { formatDateTime } from '@/lib/format';
import { notificationText } from '@/lib/i18n/notification-text';
import type { TaskReminderStage } from '@/lib/domain/crm/task-reminder';

/** A task reminder to its owner, in the owner's language; the due time in UTC, said so. */
export function taskReminderMessage(input: { locale: string; appName: string; stage: TaskReminderStage; subject: string; party: string; dueAt: Date }): { subject: string; text: string } {
  const { t, subject, locale } = notificationText(input.locale);
  const values = { task: input.subject, party: input.party || '—', due: formatDateTime(input.dueAt, locale, 'UTC', { zone: true }) };
  return { subject: subject(input.appName, t(`taskReminder.${input.stage}.subject`, values)), text: t(`taskReminder.${input.stage}.body`, values) };
}
