import { readingOf } from '@/lib/domain/telemetry/alert-rules';
import { formatNumber, formatPercent } from '@/lib/format';
import { notificationText } from '@/lib/i18n/notification-text';

/**
 * An edge alert rule's message when an alert opens or resolves, in the recipient's language
 * (Notifications.edgeAlert): one line, the same as subject and text. The measured value is the
 * stored one, formatted again in the recipient's locale; the webhook's data keeps it as stored.
 */
export function edgeAlertMessage(input: { locale: string; appName: string; rule: string; miner: string; transition: 'opened' | 'resolved'; value: string | null }): { subject: string; text: string } {
  const { locale, t } = notificationText(input.locale);
  const line = t(`edgeAlert.${input.transition}`, { app: input.appName, rule: input.rule, miner: input.miner });
  const value = input.value ? measured(input.value, locale, t) : null;
  const subject = value ? t('edgeAlert.withValue', { text: line, value }) : line;
  return { subject, text: subject };
}

function measured(value: string, locale: string, t: ReturnType<typeof notificationText>['t']): string {
  const r = readingOf(value);
  if (!r) return value;
  const n = formatNumber(r.amount, locale, { digits: r.digits, fixed: true });
  switch (r.unit) {
    case '%':
      return formatPercent(r.amount, locale, { digits: r.digits });
    case 'min':
      return t('edgeAlert.unit.min', { n });
    case '°C':
      return t('edgeAlert.unit.celsius', { n });
    case 'rpm':
      return t('edgeAlert.unit.rpm', { n });
  }
}
