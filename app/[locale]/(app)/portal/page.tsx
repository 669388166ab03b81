import { getTranslations } from 'next-intl/server';
import { StatCard } from '@/components/ui/card';
import { Freshness } from '@/components/market/freshness';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { hostingKpis } from '@/db/queries/hosting/fleet';
import { listMiners } from '@/db/queries/hosting/miners';
import { getHostBrand } from '@/lib/brands/host-brand';
import { hashpriceBtcPerThDay } from '@/lib/domain/mining/revenue';
import { formatBtc, formatHashrate, formatNumber, formatPower, formatUsd } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { getCurrentNetwork } from '@/lib/integrations/market/current';
import { pagedListSchema } from '@/lib/list/list-fields';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { PortalMiners } from './_components/portal-miners';
import { PortalTickets } from './_components/portal-tickets';

export const generateMetadata = pageTitle('portal');

/**
 * The customer portal: a CLIENT's own fleet (its scope holds only its customers' miners), its
 * hashrate, power, estimated earnings and open tickets. Staff see the same summary for their scope.
 */
export default async function PortalPage(props: ListPageProps) {
  const { locale, actor, q, query } = await openListPage(props, 'hosting:status_monitor', pagedListSchema(25));
  const db = await getDb();
  const [kpis, list, network, host, t] = await Promise.all([
    // The portal shows what the customer runs and earns; the host's cost is never loaded here.
    hostingKpis(db, actor.scope, { hostCosts: false }),
    listMiners(db, actor.scope, {}, { ...q, sort: 'name', dir: 'asc' }),
    getCurrentNetwork(),
    getHostBrand(),
    getTranslations('Portal'),
  ]);
  const all = kpis.find((r) => r.dim === 'all');
  const activeThs = all?.activeThs ?? 0;
  // The same estimate as the hosting KPI page: nominal hashrate of running machines × today's hashprice.
  const btcPerThDay = network.difficulty > 0 ? hashpriceBtcPerThDay({ blockRewardBtc: network.blockRewardBtc, feesPerBlockBtc: network.feesPerBlockBtc, difficulty: network.difficulty }) : null;
  const btcPerDay = btcPerThDay === null ? null : activeThs * btcPerThDay;
  const brand = host.kind === 'brand' ? host.brand : null;

  return (
    <>
      <PageHeader title={brand ? t('titleBrand', { brand: brand.displayName }) : t('title')} subtitle={t('subtitle')} />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label={t('miners')} value={formatNumber(all?.total ?? 0, locale)} hint={t('online', { count: formatNumber(all?.active ?? 0, locale) })} />
        <StatCard label={t('hashrate')} value={formatHashrate(activeThs, locale)} hint={t('nominal', { value: formatHashrate(all?.nominalThs ?? 0, locale) })} />
        <StatCard
          label={t('earnings')}
          value={formatUsd(btcPerDay === null ? null : btcPerDay * network.btcPriceUsd, locale)}
          hint={btcPerDay === null ? undefined : t('earningsBtc', { value: formatBtc(btcPerDay, locale), price: formatUsd(network.btcPriceUsd, locale, 0) })}
        />
        <StatCard label={t('power')} value={formatPower((all?.activeKw ?? 0) * 1000, locale)} />
      </div>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-xs text-muted">
        <span>{t('estimateNote')}</span>
        <Freshness snapshot={network} locale={locale} />
      </p>
      <PortalMiners list={list} query={query} />
      <PortalTickets scope={actor.scope} supportEmail={brand?.supportEmail ?? null} />
    </>
  );
}
