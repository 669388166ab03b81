import { notificationText } from '@/lib/i18n/notification-text';

type Kind = 'assigned' | 'status' | 'comment';
const STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;

/**
 * A ticket e-mail in the recipient's language (Notifications.ticket); it goes out after the
 * response, outside the request's i18n context. `appName` is the product's, or the brand's when the
 * link points at a white-label brand's host.
 */
export function ticketNoticeMessage(input: { locale: string; kind: Kind; number: number; title: string; status: string; url: string; appName: string }): { subject: string; text: string } {
  const { t, subject } = notificationText(input.locale);
  const known = STATUSES.find((s) => s === input.status);
  // The number is an identifier: a string, so it never reads "#1,042".
  const values = { number: String(input.number), title: input.title, status: known ? t(`ticket.statusName.${known}`) : input.status };
  return {
    subject: subject(input.appName, t(`ticket.${input.kind}.subject`, values)),
    text: `${t(`ticket.${input.kind}.body`, values)}\n\n${t('ticket.footer', { url: input.url })}`,
  };
}
