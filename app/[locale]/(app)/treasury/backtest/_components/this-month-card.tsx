import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { formatBtcFromSats, formatDateTime, formatUsdFromCents } from '@/lib/format';
import type { ThisMonth } from '@/lib/treasury/this-month';

/** Each chosen template's action for this month from the live ledger, with what it was worked from. */
export async function ThisMonthCard({ m, locale }: { m: ThisMonth; locale: string }) {
  const t = await getTranslations('TreasuryBacktest');
  const p = m.position;
  const money = (v: Record<string, number | string>) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k.endsWith('Cents') && typeof x === 'number' ? formatUsdFromCents(x, locale, 0) : x]));
  return (
    <Card title={t('thisMonth.title', { month: p.month })}>
      <p className="mb-3 text-xs text-muted" data-testid="this-month-basis">
        {t('thisMonth.basis', {
          btc: formatBtcFromSats(p.btcSats, locale),
          cash: formatUsdFromCents(m.cashCents, locale, 0),
          price: formatUsdFromCents(p.priceCentsPerBtc, locale, 0),
          source: m.price.source,
          asOf: formatDateTime(m.price.asOf, locale),
          stale: m.price.stale ? t('thisMonth.staleMark') : '',
          costs: p.monthCostsCents === null ? t('thisMonth.noMonths') : t('thisMonth.costsValue', { costs: formatUsdFromCents(p.monthCostsCents, locale, 0), months: m.opexMonths.join(', ') }),
          produced: p.monthProducedSats === null || !m.producedMonth ? t('thisMonth.noProduced') : t('thisMonth.producedValue', { btc: formatBtcFromSats(p.monthProducedSats, locale), month: m.producedMonth }),
        })}
      </p>
      <ul className="divide-y divide-line text-sm" data-testid="this-month">
        {m.actions.map(({ params, action }) => (
          <li key={params.kind} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-baseline sm:gap-3">
            <span className="font-medium sm:w-48">{t(`kind.${params.kind}`)}</span>
            <span className={`tabular-nums sm:w-64 ${action.sell ? 'text-accent' : 'text-muted'}`}>
              {action.sell ? t('thisMonth.sell', { btc: formatBtcFromSats(action.sell.sats, locale), net: formatUsdFromCents(action.sell.netCents, locale, 0) }) : t('thisMonth.noSale')}
            </span>
            <span className="text-xs text-muted">{t(`thisMonth.reason.${action.reason}` as 'thisMonth.reason.hold', money(action.values))}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
