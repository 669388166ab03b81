import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { tally } from '@/lib/domain/technical/signals';
import { formatDate, formatNumber, formatUsd } from '@/lib/format';
import type { TechnicalData } from '@/lib/integrations/market/technical';

const TONE = { bullish: 'text-ok', bearish: 'text-bad', neutral: 'text-muted' } as const;
const PRICE_KEYS = new Set(['close', 'sma', 'fast', 'slow', 'upper', 'lower', 'top', 'bottom']);

/** Each indicator's rule, its value on the last bar and what the rule reads from it; rules, not advice. */
export async function SignalSummary({ data, locale }: { data: TechnicalData; locale: string }) {
  const t = await getTranslations('Technical');
  if (!data.last || data.signals.length === 0) return null;
  const count = tally(data.signals);
  const fmt = (key: string, v: number) => (PRICE_KEYS.has(key) ? formatUsd(v, locale, 0) : key.endsWith('Period') || key === 'period' ? formatNumber(v, locale) : formatNumber(v, locale, { digits: Math.abs(v) >= 100 ? 0 : 1, fixed: true }));
  return (
    <Card title={t('signalsTitle', { day: formatDate(data.last.day, locale) })}>
      <p className="mb-2 text-sm" data-testid="signal-tally">
        {t('tally', count)}
      </p>
      <ul className="space-y-1 text-sm" data-testid="signals">
        {data.signals.map((s) => (
          <li key={s.indicator} className="flex flex-wrap items-baseline gap-x-2" data-testid={`signal-${s.indicator}`}>
            <span className={`w-20 shrink-0 text-xs font-semibold uppercase ${TONE[s.tone]}`}>{t(`tones.${s.tone}`)}</span>
            <span className="min-w-0 flex-1">{t(`rules.${s.rule}`, Object.fromEntries(Object.entries(s.values).map(([k, v]) => [k, fmt(k, v)])))}</span>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs text-muted">{t('signalsNote')}</p>
    </Card>
  );
}
