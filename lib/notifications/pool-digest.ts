import type { PoolAlertKind } from '@/lib/domain/alerts/severity';
import { thresholdOf } from '@/lib/domain/pool/low-hashrate';
import { formatHashrate, formatNumber, formatPercent, thsFromHs } from '@/lib/format';
import { notificationText } from '@/lib/i18n/notification-text';

/** Lines listed in one digest; the rest are counted. */
export const DIGEST_LINES = 50;

type DigestAlert = { kind: PoolAlertKind; subject: string; openedAt: Date; detail?: Record<string, unknown> };

/**
 * The pool alert digest in the recipient's language (Notifications.pool): the counts by kind in the
 * subject, one line per alert (kind, worker, opened at in UTC ISO) and a count of those left out.
 * A low-hashrate line states the threshold it was raised under and the two rates compared.
 */
export function poolDigestMessage(input: { locale: string; alerts: DigestAlert[] }): { subject: string; text: string } {
  const { locale, t } = notificationText(input.locale);
  const counts = new Map<PoolAlertKind, number>();
  for (const a of input.alerts) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  const summary = [...counts].map(([kind, n]) => t('pool.count', { count: formatNumber(n, locale), kind: t(`pool.kind.${kind}`) })).join(t('pool.separator'));
  const lines = input.alerts.slice(0, DIGEST_LINES).map((a) => {
    const line = t('pool.line', { kind: t(`pool.kind.${a.kind}`), subject: a.subject, openedAt: a.openedAt.toISOString() });
    return a.kind === 'low_hashrate' ? `${line}\t${lowHashrateText(a.detail ?? {}, locale, t)}` : line;
  });
  const rest = input.alerts.length - DIGEST_LINES;
  return { subject: t('pool.subject', { counts: summary }), text: lines.join('\n') + (rest > 0 ? `\n${t('pool.more', { count: formatNumber(rest, locale) })}` : '') };
}

/** "last hour 40 TH/s, under 50 % of its 24 h average (100 TH/s)"; without the rates, the threshold alone. */
export function lowHashrateText(detail: Record<string, unknown>, locale: string, t: ReturnType<typeof notificationText>['t']): string {
  const threshold = formatPercent(thresholdOf(detail), locale, { digits: 0 });
  const hour = thsFromHs(detail.hs1h as string | undefined);
  const day = thsFromHs(detail.hs1d as string | undefined);
  if (hour === null || day === null) return t('pool.lowThreshold', { threshold });
  return t('pool.lowDetail', { threshold, hour: formatHashrate(hour, locale), day: formatHashrate(day, locale) });
}
