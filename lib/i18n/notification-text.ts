import { createTranslator } from 'next-intl';
import { type FormatLocale, formatLocale } from '@/lib/format';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

// Typed by the English file: a key missing from Chinese fails the type check as well as the parity test.
const MESSAGES: Record<FormatLocale, typeof en> = { en, zh };

/**
 * The words of a notification (alert, ticket, later invoice and report messages) in its recipient's
 * locale — the user's stored preference; an unknown one reads English — from `Notifications.*` in
 * messages/<locale>.json. Needs no request context, so jobs and after-response work can use it.
 * Server-side only: it holds both message files, which no client bundle should carry.
 * Figures are passed in already formatted by lib/format in the same `locale`, and identifiers
 * (ticket numbers) as strings, so ICU never regroups them.
 */
export function notificationText(locale: string) {
  const lang = formatLocale(locale);
  const t = createTranslator({ locale: lang, messages: MESSAGES[lang], namespace: 'Notifications' });
  return {
    locale: lang,
    t,
    /** The product's name, or a white-label brand's, before every subject. */
    subject: (app: string, subject: string) => t('subject', { app, subject }),
  };
}
