import type { RuleKind } from '@/lib/domain/alerts/rule-kinds';
import { formatPercent, formatUsd } from '@/lib/format';
import { notificationText } from '@/lib/i18n/notification-text';

/**
 * A profitability alert in the recipient's language (Notifications.profitability). The figures are
 * formatted as the pages show them: value and threshold. `appName` is the product's, or the brand's
 * when the recipient is a white-label brand's customer.
 */
export function alertMessage(input: { locale: string; kind: RuleKind; value: number; threshold: number; bucket: string; appName: string }): { subject: string; text: string } {
  const { locale, t, subject } = notificationText(input.locale);
  const [value, threshold] = figures({ ...input, locale });
  const line = t(`profitability.${input.kind}.body`, { value, threshold });
  return {
    subject: subject(input.appName, t(`profitability.${input.kind}.subject`, { value, threshold })),
    text: `${line}\n\n${t('profitability.footer', { bucket: input.bucket, app: input.appName })}`,
  };
}

function figures({ kind, value, threshold, locale }: { kind: RuleKind; value: number; threshold: number; locale: string }): [string, string] {
  if (kind === 'difficulty_change_above') return [formatPercent(value, locale, { digits: 2, signed: true }), formatPercent(threshold, locale, { digits: 2 })];
  return [formatUsd(value, locale), formatUsd(threshold, locale)];
}
