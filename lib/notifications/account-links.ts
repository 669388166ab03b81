import { notificationText } from '@/lib/i18n/notification-text';

type LinkMail = { locale: string; name: string; url: string; appName: string; expiresAt: string };

/** The invitation e-mail, in the invitee's language: who invited them, and the one-time link. */
export function userInviteMessage(input: LinkMail & { inviter: string }): { subject: string; text: string } {
  const { t, subject } = notificationText(input.locale);
  return { subject: subject(input.appName, t('userInvite.subject')), text: t('userInvite.body', { name: input.name, inviter: input.inviter, app: input.appName, url: input.url, expires: input.expiresAt }) };
}

export function passwordResetMessage(input: LinkMail): { subject: string; text: string } {
  const { t, subject } = notificationText(input.locale);
  return { subject: subject(input.appName, t('passwordReset.subject')), text: t('passwordReset.body', { name: input.name, app: input.appName, url: input.url, expires: input.expiresAt }) };
}

/** To the user whose access period ended (the job disabled the account). */
export function accessExpiredMessage(input: { locale: string; name: string; appName: string; until: string }): { subject: string; text: string } {
  const { t, subject } = notificationText(input.locale);
  return { subject: subject(input.appName, t('accessExpired.subject')), text: t('accessExpired.body', { name: input.name, app: input.appName, until: input.until }) };
}
