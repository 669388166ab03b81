import { useTranslations } from 'next-intl';
import { formatNumber, formatPercent, formatUsdFromCents } from '@/lib/format';

type Credit = { id: number; month: string | null; amountCents: number; evidence: Record<string, unknown> | null };
const pct = (bps: unknown, locale: string) => (typeof bps === 'number' ? formatPercent(bps / 100, locale, { digits: 2 }) : '—');

/** SLA credits with their evidence: the days measured, the measured uptime against the target, the credit — and the formula. */
export function SlaCreditList({ credits, locale }: { credits: readonly Credit[]; locale: string }) {
  const t = useTranslations('Billing');
  return (
    <>
      {credits.length === 0 ? (
        <p className="text-sm text-muted">{t('noSlaCredits')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line text-sm">
          {credits.map((c) => {
            const e = c.evidence ?? {};
            return (
              <li key={c.id} className="py-2">
                {t('slaEvidence', {
                  month: c.month?.slice(0, 7) ?? '',
                  measured: pct(e.measuredBps, locale),
                  days: Number(e.measuredDays ?? 0),
                  target: pct(e.targetBps, locale),
                  shortfall: typeof e.shortfallBps === 'number' ? formatNumber(e.shortfallBps / 100, locale, { digits: 2 }) : '—',
                  credit: formatUsdFromCents(c.amountCents, locale),
                })}
              </li>
            );
          })}
        </ul>
      )}
      <p className="mt-2 text-xs text-muted">{t('slaFormula')}</p>
    </>
  );
}
