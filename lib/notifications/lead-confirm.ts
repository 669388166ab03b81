import { notificationText } from '@/lib/i18n/notification-text';

/** The e-mail that asks a self-registered prospect to confirm its address, in the language it signed up in. */
export function leadConfirmMessage(input: { locale: string; name: string; url: string; appName: string }): { subject: string; text: string } {
  const { t, subject } = notificationText(input.locale);
  return { subject: subject(input.appName, t('leadConfirm.subject')), text: t('leadConfirm.body', { name: input.name, url: input.url, app: input.appName }) };
}
