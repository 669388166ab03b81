import type { PoolAlertKind } from '@/lib/domain/alerts/severity';
import { formatNumber } from '@/lib/format';
import { notificationText } from '@/lib/i18n/notification-text';

type Text = { subject: string; text: string };
type Sample = { name: string; value?: string | null };

/**
 * A critical alert nobody acknowledged, sent to the second contact in its owner's language
 * (Notifications.escalation): what is wrong and where in the subject, the machines (a sample when
 * many) and when it opened in the text, and how to stop further escalations.
 */
export function escalationMessage(
  input: { locale: string; appName: string; afterMinutes: number; openedAt: string; sample: Sample[]; count: number } & (
    | { source: 'edge'; rule: string; site: string }
    | { source: 'pool'; kind: PoolAlertKind }
  ),
): Text {
  const { locale, t } = notificationText(input.locale);
  const base = { app: input.appName, minutes: formatNumber(input.afterMinutes, locale), count: formatNumber(input.count, locale) };
  const first = input.sample[0]?.name ?? '';
  const subject =
    input.source === 'edge'
      ? input.count > 1
        ? t('escalation.edgeMany', { ...base, rule: input.rule, site: input.site })
        : t('escalation.edgeOne', { ...base, rule: input.rule, miner: first })
      : input.count > 1
        ? t('escalation.poolMany', { ...base, kind: t(`pool.kind.${input.kind}`) })
        : t('escalation.poolOne', { ...base, kind: t(`pool.kind.${input.kind}`), subject: first });
  const lines = input.count > 1 ? input.sample.map((s) => (s.value ? `${s.name} (${s.value})` : s.name)) : [];
  const more = input.count - input.sample.length;
  if (input.count > 1 && more > 0) lines.push(t('edgeAlert.storm.more', { count: formatNumber(more, locale) }));
  const text = [subject, '', ...lines, ...(lines.length ? [''] : []), t('escalation.since', { openedAt: new Date(input.openedAt).toISOString() }), t('escalation.footer', { app: input.appName })].join('\n');
  return { subject, text };
}
