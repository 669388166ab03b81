import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { type IntelView, isMissing } from '@/lib/domain/market/intel-view';
import { formatDate, formatDateTime, formatPercent } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';

/**
 * Beside the price analysis: each exchange's stored funding (a year, simple) and Deribit's nearest
 * ATM implied volatility, each with when it was fetched, or "not fetched yet"; the full figures are
 * on /analytics/market.
 */
export async function IntelSummary({ view, locale }: { view: IntelView; locale: string }) {
  const t = await getTranslations('MarketIntel');
  const when = (iso: string) => formatDateTime(iso, locale, 'UTC', { zone: true });
  const iv = isMissing(view.iv) ? null : view.iv;
  const near = iv?.points[0];
  return (
    <Card title={t('summaryTitle')}>
      <ul className="space-y-1 text-sm" data-testid="intel-summary">
        {view.funding.map((f) => (
          <li key={f.source} className="flex flex-wrap justify-between gap-x-2">
            <span>{t(`source.${f.source}`)}</span>
            <span className="tabular-nums">{isMissing(f) ? t('notFetched') : t('summaryFunding', { pct: formatPercent(f.annualisedPct, locale, { digits: 2 }), at: when(f.fetchedAt), stale: f.stale ? 'yes' : 'no' })}</span>
          </li>
        ))}
        <li className="flex flex-wrap justify-between gap-x-2">
          <span>{t('atmIv')}</span>
          <span className="tabular-nums">{iv && near ? t('summaryIv', { pct: formatPercent(near.atmIvPct, locale), expiry: formatDate(near.expiry, locale), at: when(iv.fetchedAt), stale: iv.stale ? 'yes' : 'no' }) : t('notFetched')}</span>
        </li>
      </ul>
      <Link className="mt-2 inline-block text-sm text-accent hover:underline" href="/analytics/market">
        {t('summaryLink')}
      </Link>
    </Card>
  );
}
