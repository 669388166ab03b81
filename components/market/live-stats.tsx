import { getTranslations } from 'next-intl/server';
import { formatDate, formatNumber, formatPercent } from '@/lib/format';
import type { Metrics } from '@/lib/integrations/market/metrics';
import { CountUp } from './count-up';
import { Freshness } from './freshness';
import { freshness } from '@/lib/domain/market/freshness';

/** The landing page's live figures: price, hashrate, difficulty, hashprice and the next adjustment. */
export async function LiveStats({ metrics: m, locale }: { metrics: Metrics; locale: string }) {
  const t = await getTranslations('Market');
  const tiles = [
    { key: 'price', label: t('price'), node: <CountUp value={m.btcPriceUsd} locale={locale} usd />, hint: t('unit.usd') },
    { key: 'hashrate', label: t('hashrate'), node: <CountUp value={m.networkHashrateHs / 1e18} locale={locale} digits={1} />, hint: t('unit.ehs') },
    { key: 'difficulty', label: t('difficulty'), node: <CountUp value={m.difficulty / 1e12} locale={locale} digits={2} />, hint: t('unit.t') },
    { key: 'hashprice', label: t('hashprice'), node: <CountUp value={m.hashprice.usdPerPhDay} locale={locale} digits={2} usd />, hint: t('unit.usdPerPhDay') },
  ];
  return (
    <section aria-labelledby="live-stats-title" className="mt-8" data-testid="live-stats">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 id="live-stats-title" className="text-sm font-semibold text-muted">
          {t(freshness(m.asOf, new Date()).current ? 'liveTitle' : 'networkTitle')}
        </h2>
        <Freshness snapshot={m} locale={locale} />
      </div>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        {tiles.map((tile) => (
          <div key={tile.key} className="rounded-lg border border-line bg-surface p-4" data-testid={`live-${tile.key}`}>
            <div className="text-xs uppercase tracking-wide text-muted">{tile.label}</div>
            <div className="mt-1 text-2xl font-semibold">{tile.node}</div>
            <div className="text-xs text-muted">{tile.hint}</div>
          </div>
        ))}
        <div className="col-span-2 rounded-lg border border-line bg-surface p-4 lg:col-span-1" data-testid="live-adjustment">
          <div className="text-xs uppercase tracking-wide text-muted">{t('nextAdjustment')}</div>
          {m.nextRetarget ? (
            <>
              <div className={`mt-1 text-2xl font-semibold tabular-nums ${m.nextRetarget.changePct >= 0 ? 'text-bad' : 'text-ok'}`}>{formatPercent(m.nextRetarget.changePct, locale, { digits: 2, signed: true })}</div>
              <div className="text-xs text-muted">{t('adjustmentIn', { blocks: formatNumber(m.nextRetarget.remainingBlocks, locale), when: formatDate(m.nextRetarget.estimatedAt, locale) })}</div>
            </>
          ) : (
            <div className="mt-1 text-sm text-muted">{t('noData')}</div>
          )}
        </div>
      </div>
      <p className="mt-2 text-xs text-muted">{t('halvingIn', { blocks: formatNumber(m.halving.blocksLeft, locale), when: formatDate(m.halving.estimatedAt, locale) })}</p>
    </section>
  );
}
