import { formatPercent, formatUsd } from '@/lib/format';
import type { RuleKind } from './rule-kinds';

/*
 * The words of a notification, in the recipient's language. Built here rather than from the UI's
 * message files because the job runs outside a request and the text must not depend on Next. The
 * figures arrive formatted as the pages show them: value and threshold.
 */

const TEXT = {
  en: {
    hashprice_below: (v: string, t: string) => [`Hashprice below ${t}/PH/day`, `Hashprice is ${v} per PH/s per day, under your threshold of ${t}.`],
    profit_below: (v: string, t: string) => [`Mining profit below ${t}/day`, `Your fleet's estimated profit is ${v} per day, under your threshold of ${t}.`],
    difficulty_change_above: (v: string, t: string) => [`Difficulty changed ${v}`, `Network difficulty changed ${v} against the previous epoch, beyond your threshold of ${t}.`],
    footer: (bucket: string, app: string) => `Snapshot of ${bucket}. You get one message per breach; the rule re-arms after recovery. Manage alerts in ${app} → Settings → Alerts.`,
  },
  zh: {
    hashprice_below: (v: string, t: string) => [`算力价格低于 ${t}/PH/天`, `当前算力价格为每 PH/s 每天 ${v}，低于您设置的阈值 ${t}。`],
    profit_below: (v: string, t: string) => [`挖矿利润低于 ${t}/天`, `您的矿机群预计每日利润为 ${v}，低于您设置的阈值 ${t}。`],
    difficulty_change_above: (v: string, t: string) => [`难度变化 ${v}`, `全网难度相较上一周期变化 ${v}，超过您设置的阈值 ${t}。`],
    footer: (bucket: string, app: string) => `快照时间 ${bucket}。每次触发只通知一次，恢复后规则重新启用。可在 ${app} → 设置 → 提醒 中管理。`,
  },
} as const;

/** `appName` is the product's, or the brand's when the recipient is a white-label brand's customer. */
export function alertMessage(input: { locale: string; kind: RuleKind; value: number; threshold: number; bucket: string; appName: string }): { subject: string; text: string } {
  const t = input.locale === 'zh' ? TEXT.zh : TEXT.en;
  const [subject, line] = t[input.kind](...figures(input));
  return { subject: `${input.appName}: ${subject}`, text: `${line}\n\n${t.footer(input.bucket, input.appName)}` };
}

function figures({ kind, value, threshold, locale }: { kind: RuleKind; value: number; threshold: number; locale: string }): [string, string] {
  if (kind === 'difficulty_change_above') return [formatPercent(value, locale, { digits: 2, signed: true }), formatPercent(threshold, locale, { digits: 2 })];
  return [formatUsd(value, locale), formatUsd(threshold, locale)];
}
