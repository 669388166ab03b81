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

/**
 * One message for an alert storm (lib/domain/alerts/storm.ts): the count and the site in the
 * subject, then a sample of the miners with their values and how many more there are.
 */
export function edgeStormMessage(input: { locale: string; appName: string; rule: string; site: string; transition: 'opened' | 'resolved'; count: number; sample: { miner: string; value: string | null }[] }): { subject: string; text: string } {
  const { locale, t } = notificationText(input.locale);
  const subject = t(`edgeAlert.storm.${input.transition}`, { app: input.appName, rule: input.rule, site: input.site, count: formatNumber(input.count, locale) });
  const lines = input.sample.map((m) => (m.value ? t('edgeAlert.storm.lineWithValue', { miner: m.miner, value: measured(m.value, locale, t) }) : m.miner));
  const more = input.count - input.sample.length;
  if (more > 0) lines.push(t('edgeAlert.storm.more', { count: formatNumber(more, locale) }));
  return { subject, text: [subject, '', ...lines].join('\n') };
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
