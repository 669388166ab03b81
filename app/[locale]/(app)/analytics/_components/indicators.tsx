import { getTranslations } from 'next-intl/server';
import { sourceLabel } from '@/components/market/as-of-text';
import { AsOf } from '@/components/market/freshness';
import { Card } from '@/components/ui/card';
import { sourceText } from '@/lib/domain/market/source';
import { formatDate, formatHashrate, formatNumber, formatPercent, formatPower, formatUsd } from '@/lib/format';
import type { NetworkAnalytics } from '@/lib/integrations/market/analytics';

/** Difficulty-to-price ratio, the Mining Profitability Index, the reference fleet and the history held. */
export async function Indicators({ a, locale }: { a: NetworkAnalytics; locale: string }) {
  const t = await getTranslations('Analytics');
  const tm = await getTranslations('Market');
  const f = a.fleet;
  const mpiTone = a.mpi.value === null ? '' : a.mpi.value >= 100 ? 'text-ok' : 'text-bad';
  return (
    <div className="mt-4 grid gap-4 md:grid-cols-2 xl:grid-cols-4">
      <Card title={t('ratioTitle')}>
        <p className="text-2xl font-semibold tabular-nums" data-testid="ratio">
          {t('ratioValue', { value: formatNumber(a.ratio, locale, { digits: 3, fixed: true }) })}
        </p>
        <p className="mt-1 text-xs text-muted">{t('ratioHint')}</p>
      </Card>
      <Card title={t('mpiTitle')}>
        {a.mpi.value === null ? (
          <p className="text-sm text-muted" data-testid="mpi-none">
            {t('mpiNone')}
          </p>
        ) : (
          <>
            <p className={`text-2xl font-semibold tabular-nums ${mpiTone}`} data-testid="mpi">
              {formatNumber(a.mpi.value, locale)}
            </p>
            <p className="text-xs text-muted">{t('mpiBasis', { median: formatUsd(a.mpi.median, locale), days: a.mpi.days })}</p>
            {a.mpi.fromHistory ? (
              <p className="text-xs text-muted">
                {t('mpiFrom', { usd: formatUsd(a.mpi.usd, locale) })} · <AsOf asOf={a.mpi.asOf} source={sourceText({ kind: 'history' })} locale={locale} />
              </p>
            ) : null}
          </>
        )}
        <p className="mt-1 text-xs text-muted">{t('mpiHint')}</p>
      </Card>
      <Card title={t('fleetTitle')}>
        <dl className="grid grid-cols-2 gap-1 text-sm tabular-nums" data-testid="fleet">
          <dt className="text-muted">{t('fleetRevenue')}</dt>
          <dd>{formatUsd(f.revenueUsd, locale)}</dd>
          <dt className="text-muted">{t('fleetPower')}</dt>
          <dd>{formatUsd(f.powerCostUsd, locale)}</dd>
          <dt className="text-muted">{t('fleetProfit')}</dt>
          <dd className={f.profitUsd >= 0 ? 'text-ok' : 'text-bad'}>{formatUsd(f.profitUsd, locale)}</dd>
          <dt className="text-muted">{t('fleetMargin')}</dt>
          <dd>{formatPercent(f.marginPct, locale)}</dd>
        </dl>
        <p className="mt-1 text-xs text-muted">{t('fleetHint', { model: f.model, hashrate: formatHashrate(f.hashrateThs, locale), power: formatPower(f.powerW, locale), usdPerKwh: formatUsd(f.usdPerKwh, locale, 4), poolFee: formatPercent(f.poolFee * 100, locale) })}</p>
      </Card>
      <Card title={t('coverageTitle')}>
        <p className="text-sm" data-testid="coverage">
          {a.coverage.first && a.coverage.last ? t('coverage', { days: a.coverage.days, first: formatDate(a.coverage.first, locale), last: formatDate(a.coverage.last, locale) }) : t('coverageNone')}
        </p>
        <p className="mt-1 text-xs text-muted">{t('coverageNote')}</p>
        <h3 className="mt-3 text-xs font-semibold text-muted">{t('sourcesTitle')}</h3>
        <ul className="text-xs text-muted">
          {Object.entries(a.metrics.sources).map(([what, source]) => (
            <li key={what}>{t('sourceLine', { what: tm.has(what) ? tm(what as 'price') : what, source: sourceLabel(tm as never, source, locale) })}</li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
