import { getTranslations } from 'next-intl/server';
import { Card, StatCard } from '@/components/ui/card';
import { PoolVsMinerTable } from '@/components/pool/pool-vs-miner-table';
import { Freshness } from '@/components/market/freshness';
import { HashrateSources, PowerSources } from '@/components/telemetry/figure-sources';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { hostingFeeBasis, poolCreditedLastDay } from '@/db/queries/hosting/client-earnings';
import { hostingKpis } from '@/db/queries/hosting/fleet';
import { listMiners } from '@/db/queries/hosting/miners';
import { poolVsMiner } from '@/db/queries/pool/pool-vs-miner';
import { getHostBrand } from '@/lib/brands/host-brand';
import { clientEarnings } from '@/lib/domain/hosting/client-earnings';
import { kpiHashprice } from '@/lib/domain/hosting/kpi';
import { FIGURE_SOURCES } from '@/lib/domain/telemetry/measured';
import { formatBtcFromSats, formatDate, formatDateTime, formatHashrate, formatNumber, formatPercent, formatPower, formatUsd, formatUsdFromCents } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { getCurrentNetwork } from '@/lib/integrations/market/current';
import { pagedListSchema } from '@/lib/list/list-fields';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { PortalAnnouncements } from './_components/portal-announcements';
import { PortalContracts } from './_components/portal-contracts';
import { PortalInvoices } from './_components/portal-invoices';
import { PortalMiners } from './_components/portal-miners';
import { PortalTickets } from './_components/portal-tickets';

export const generateMetadata = pageTitle('portal');

/**
 * The customer portal: a CLIENT's own fleet (its scope holds only its customers' miners), its
 * measured hashrate and power, its estimated earnings net of its hosting fee beside what the pool
 * credited, the pool against its machines, and open tickets. Staff see the same for their scope.
 * Nothing here loads the host's costs: the fee is the site's client price (what the client pays).
 */
export default async function PortalPage(props: ListPageProps) {
  const { locale, actor, q, query } = await openListPage(props, 'hosting:status_monitor', pagedListSchema(25));
  const db = await getDb();
  const now = new Date();
  const [kpis, feeSites, credited, pool, list, network, host, t, tFleet, tPool, tMeasured] = await Promise.all([
    hostingKpis(db, actor.scope, { hostCosts: false }, now),
    hostingFeeBasis(db, actor.scope, now),
    poolCreditedLastDay(db, actor.scope, now),
    poolVsMiner(db, actor.scope, now),
    listMiners(db, actor.scope, {}, { ...q, sort: 'name', dir: 'asc' }),
    getCurrentNetwork(),
    getHostBrand(),
    getTranslations('Portal'),
    getTranslations('Fleet'),
    getTranslations('PoolVsMiner'),
    getTranslations('Measured'),
  ]);
  const all = kpis.find((r) => r.dim === 'all')!;
  const poolAll = pool.find((r) => r.dim === 'all')!;
  // The same hashprice as the KPI page, on the measured hashrate; the fee at each site's client price.
  const e = clientEarnings({ hashrateThs: all.activeThs, btcPerThDay: kpiHashprice(network), btcPriceUsd: network.btcPriceUsd, sites: feeSites, creditedSats: credited?.sats ?? null });
  const usd = (cents: number | null) => formatUsdFromCents(cents, locale);
  const btc = (sats: number | null) => formatBtcFromSats(sats, locale);
  const sources = FIGURE_SOURCES.filter((s) => all.thsBySource[s] > 0).map((s) => tMeasured(`source.${s}`));
  const brand = host.kind === 'brand' ? host.brand : null;

  return (
    <>
      <PageHeader title={brand ? t('titleBrand', { brand: brand.displayName }) : t('title')} subtitle={t('subtitle')} />
      <PortalAnnouncements scope={actor.scope} userId={actor.userId} />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label={tFleet('minersInService')} value={formatNumber(all.total, locale)} hint={`${t('online', { count: formatNumber(all.active, locale) })} · ${tFleet('soldRule')}`} />
        <StatCard label={t('hashrate')} value={formatHashrate(all.activeThs, locale)} hint={<HashrateSources figures={all} />} />
        <StatCard label={t('power')} value={formatPower(all.activeKw * 1000, locale)} hint={<PowerSources figures={all} />} />
        <StatCard
          label={tPool('luck')}
          value={formatPercent(poolAll.luckPct, locale, { signed: true })}
          hint={tPool('fleetHint', { credited: formatHashrate(poolAll.creditedThs, locale), expected: formatHashrate(poolAll.expectedThs, locale) })}
        />
        <StatCard
          label={e.feeCents === null ? t('earningsGross') : t('earningsNet')}
          value={usd(e.feeCents === null ? e.grossCents : e.netCents)}
          hint={
            e.grossCents === null
              ? undefined
              : e.feeCents === null
                ? t('feeNotSet', { gross: usd(e.grossCents) })
                : t('earningsNetHint', { gross: usd(e.grossCents), fee: usd(e.feeCents), btc: btc(e.netSats) })
          }
        />
        <StatCard
          label={credited ? t('credited', { day: formatDate(credited.day, locale) }) : t('creditedNone')}
          value={usd(e.creditedCents)}
          hint={e.creditedSats === null ? undefined : e.creditedNetCents === null ? btc(e.creditedSats) : t('creditedHint', { btc: btc(e.creditedSats), net: usd(e.creditedNetCents) })}
        />
      </div>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-xs text-muted">
        <span>{t('estimateNote', { sources: sources.join(' + ') || tMeasured('source.none'), price: formatUsd(network.btcPriceUsd, locale, 0) })}</span>
        <Freshness snapshot={network} locale={locale} />
      </p>
      {pool.some((r) => r.dim === 'site') ? (
        <Card title={tPool('bySite')} className="mt-6">
          <PoolVsMinerTable rows={pool.filter((r) => r.dim === 'site')} nameHeader={t('site')} unnamed="" />
          <p className="mt-2 text-xs text-muted">{tPool('note', { at: formatDateTime(poolAll.poolAt, locale, 'UTC', { zone: true }) })}</p>
        </Card>
      ) : null}
      <PortalMiners list={list} query={query} />
      <PortalInvoices scope={actor.scope} locale={locale} />
      <PortalContracts scope={actor.scope} locale={locale} />
      <PortalTickets scope={actor.scope} supportEmail={brand?.supportEmail ?? null} />
    </>
  );
}
