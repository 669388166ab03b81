import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { Card, StatCard } from '@/components/ui/card';
import { Freshness } from './freshness';
import { EmptyState } from '@/components/ui/empty-state';
import type { MiningSettings } from '@/db/queries/alerts/mining-settings';
import type { NetworkSnapshot } from '@/lib/domain/mining/network';
import { hashpriceFromNetwork, personalDaily } from '@/lib/domain/mining/personal';
import { formatBtc, formatEnergy, formatPercent, formatUsd } from '@/lib/format';

/**
 * The personalised daily revenue, power cost and profit at the current network values, with where
 * those came from. `editHref` adds a link to the settings form (shown where the form is not).
 */
export async function PersonalFigures({ settings, network, editHref }: { settings: MiningSettings | null; network: NetworkSnapshot; editHref?: string }) {
  const [t, locale] = await Promise.all([getTranslations('MiningSettings'), getLocale()]);
  const usd = (v: number) => formatUsd(v, locale);
  const hashpriceBtcPerThDay = hashpriceFromNetwork(network);
  const origin = (
    <p className="mt-3 flex flex-wrap items-center gap-2 text-xs text-muted" data-testid="network-origin">
      <Freshness snapshot={network} locale={locale} />
      <span>
        {t('networkLine', { price: usd(network.btcPriceUsd), hashprice: usd(hashpriceBtcPerThDay * 1000 * network.btcPriceUsd) })}
      </span>
    </p>
  );
  const edit = editHref ? (
    <Link href={editHref} className="text-sm text-accent hover:underline">
      {settings ? t('editSettings') : t('enterSettings')}
    </Link>
  ) : null;
  if (!settings) {
    return (
      <Card title={t('figuresTitle')}>
        <EmptyState title={t('emptyTitle')} hint={t('emptyHint')} action={edit} />
        {origin}
      </Card>
    );
  }
  const d = personalDaily(settings, { hashpriceBtcPerThDay, btcPriceUsd: network.btcPriceUsd });
  return (
    <Card title={t('figuresTitle')}>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3" data-testid="personal-figures">
        <StatCard label={t('revenue')} value={usd(d.revenueUsdPerDay)} hint={t('btcPerDay', { btc: formatBtc(d.btcPerDay, locale) })} />
        <StatCard label={t('powerCost')} value={usd(d.powerCostUsdPerDay)} hint={t('energy', { energy: formatEnergy(d.energyKwhPerDay * 1000, locale) })} />
        <StatCard label={t('profit')} value={usd(d.profitUsdPerDay)} tone={d.profitUsdPerDay >= 0 ? 'ok' : 'bad'} hint={d.margin === null ? undefined : t('margin', { pct: formatPercent(d.margin * 100, locale) })} />
      </div>
      {d.breakEvenUsdPerKwh !== null ? <p className="mt-3 text-sm text-muted">{t('breakEven', { price: formatUsd(d.breakEvenUsdPerKwh, locale, 4) })}</p> : null}
      {origin}
      {edit ? <div className="mt-3">{edit}</div> : null}
    </Card>
  );
}
