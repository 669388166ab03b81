import { formatBtcFromSats, formatNumber, formatUsdFromCents } from '@/lib/format';
import { notificationText } from '@/lib/i18n/notification-text';

/** The runway alert in its recipient's language (Notifications.treasuryRunway), figures formatted in that locale. */
export function treasuryRunwayMessage(input: { locale: string; appName: string; runwayMonths: number; thresholdMonths: number; cashCents: number; monthlyOpexCents: number; coverMonths: number; satsToSell: number | null }): { subject: string; text: string } {
  const { locale, t } = notificationText(input.locale);
  const subject = t('treasuryRunway.subject', { app: input.appName, months: formatNumber(input.runwayMonths, locale, { digits: 2 }), threshold: input.thresholdMonths });
  const body = t('treasuryRunway.body', {
    cash: formatUsdFromCents(input.cashCents, locale),
    opex: formatUsdFromCents(input.monthlyOpexCents, locale),
    cover: input.coverMonths,
    btc: input.satsToSell === null ? '—' : formatBtcFromSats(input.satsToSell, locale),
  });
  return { subject, text: [subject, '', body, '', t('treasuryRunway.footer', { app: input.appName })].join('\n') };
}
