import { notificationText } from '@/lib/i18n/notification-text';

/** The e-mail giving an approved client its portal: a one-time link to choose a password, in the client's language. */
export function portalActivationMessage(input: { locale: string; name: string; url: string; appName: string; days: number }): { subject: string; text: string } {
  const { t, subject } = notificationText(input.locale);
  return { subject: subject(input.appName, t('portalActivation.subject')), text: t('portalActivation.body', { name: input.name, url: input.url, app: input.appName, days: input.days }) };
}
