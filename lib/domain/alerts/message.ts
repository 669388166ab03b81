import type { RuleKind } from './evaluate';

/*
 * The words of a notification, in the recipient's language. Built here rather than from the UI's
 * message files because the job runs outside a request and the text must not depend on Next.
 */
const fmt = (n: number, digits = 2) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const usd = (n: number) => `${n < 0 ? '-' : ''}$${fmt(Math.abs(n))}`;

const TEXT = {
  en: {
    hashprice_below: (v: number, t: number) => [`Hashprice below ${usd(t)}/PH/day`, `Hashprice is ${usd(v)} per PH/s per day, under your threshold of ${usd(t)}.`],
    profit_below: (v: number, t: number) => [`Mining profit below ${usd(t)}/day`, `Your fleet's estimated profit is ${usd(v)} per day, under your threshold of ${usd(t)}.`],
    difficulty_change_above: (v: number, t: number) => [`Difficulty changed ${v >= 0 ? '+' : ''}${fmt(v)}%`, `Network difficulty changed ${v >= 0 ? '+' : ''}${fmt(v)}% against the previous epoch, beyond your threshold of ${fmt(t)}%.`],
    footer: (bucket: string) => `Snapshot of ${bucket}. You get one message per breach; the rule re-arms after recovery. Manage alerts in HashInsight → Settings → Alerts.`,
  },
  zh: {
    hashprice_below: (v: number, t: number) => [`算力价格低于 ${usd(t)}/PH/天`, `当前算力价格为每 PH/s 每天 ${usd(v)}，低于您设置的阈值 ${usd(t)}。`],
    profit_below: (v: number, t: number) => [`挖矿利润低于 ${usd(t)}/天`, `您的矿机群预计每日利润为 ${usd(v)}，低于您设置的阈值 ${usd(t)}。`],
    difficulty_change_above: (v: number, t: number) => [`难度变化 ${v >= 0 ? '+' : ''}${fmt(v)}%`, `全网难度相较上一周期变化 ${v >= 0 ? '+' : ''}${fmt(v)}%，超过您设置的阈值 ${fmt(t)}%。`],
    footer: (bucket: string) => `快照时间 ${bucket}。每次触发只通知一次，恢复后规则重新启用。可在 HashInsight → 设置 → 提醒 中管理。`,
  },
} as const;

export function alertMessage(input: { locale: string; kind: RuleKind; value: number; threshold: number; bucket: string }): { subject: string; text: string } {
  const t = input.locale === 'zh' ? TEXT.zh : TEXT.en;
  const [subject, line] = t[input.kind](input.value, input.threshold);
  return { subject: `HashInsight: ${subject}`, text: `${line}\n\n${t.footer(input.bucket)}` };
}
