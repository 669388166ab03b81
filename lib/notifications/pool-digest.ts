import { formatNumber } from '@/lib/format';
import { notificationText } from '@/lib/i18n/notification-text';

type Kind = 'worker_offline' | 'low_hashrate' | 'api_failure' | 'budget_warning';

/** Lines listed in one digest; the rest are counted. */
export const DIGEST_LINES = 50;

/**
 * The pool alert digest in the recipient's language (Notifications.pool): the counts by kind in the
 * subject, one line per alert (kind, worker, opened at in UTC ISO) and a count of those left out.
 */
export function poolDigestMessage(input: { locale: string; alerts: { kind: Kind; subject: string; openedAt: Date }[] }): { subject: string; text: string } {
  const { locale, t } = notificationText(input.locale);
  const counts = new Map<Kind, number>();
  for (const a of input.alerts) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  const summary = [...counts].map(([kind, n]) => t('pool.count', { count: formatNumber(n, locale), kind: t(`pool.kind.${kind}`) })).join(t('pool.separator'));
  const lines = input.alerts.slice(0, DIGEST_LINES).map((a) => t('pool.line', { kind: t(`pool.kind.${a.kind}`), subject: a.subject, openedAt: a.openedAt.toISOString() }));
  const rest = input.alerts.length - DIGEST_LINES;
  return { subject: t('pool.subject', { counts: summary }), text: lines.join('\n') + (rest > 0 ? `\n${t('pool.more', { count: formatNumber(rest, locale) })}` : '') };
}
