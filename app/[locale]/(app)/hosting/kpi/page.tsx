import { getTranslations, setRequestLocale } from 'next-intl/server';
import { HorizontalBars } from '@/components/charts/horizontal-bars';
import { Card, StatCard } from '@/components/ui/card';
import { Freshness } from '@/components/market/freshness';
import { PageHeader } from '@/components/ui/page-header';
import { HashrateSources, PowerSources } from '@/components/telemetry/figure-sources';
import { getDb } from '@/db';
import { hostingKpis, type KpiRow } from '@/db/queries/hosting/fleet';
import { uptimeKpis } from '@/db/queries/hosting/kpi-telemetry';
import { poolVsMiner } from '@/db/queries/pool/pool-vs-miner';
import { PoolVsMinerTable } from '@/components/pool/pool-vs-miner-table';
import { requirePage } from '@/lib/auth/guard';
import { seesHostCosts } from '@/lib/auth/permissions';
import { isUptimeLow, kpiFigures, kpiHashprice } from '@/lib/domain/hosting/kpi';
import { formatDateTime, formatEfficiency, formatHashrate, formatNumber, formatPercent, formatPower, formatUsd, formatUsdFromCents } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { getCurrentNetwork } from '@/lib/integrations/market/current';
import { KpiTable } from './kpi-table';

export const generateMetadata = pageTitle('hostingKpi');

export default async function HostingKpiPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'hosting:status_monitor');
  const db = await getDb();
  const hostCosts = seesHostCosts(actor.role);
  const now = new Date();
  const [rows, measured, pool, network, t, tFleet, tPool] = await Promise.all([
    hostingKpis(db, actor.scope, { hostCosts }, now),
    uptimeKpis(db, actor.scope, now),
    poolVsMiner(db, actor.scope, now),
    getCurrentNetwork(),
    getTranslations('HostingKpi'),
    getTranslations('Fleet'),
    getTranslations('PoolVsMiner'),
  ]);
  const poolAll = pool.find((r) => r.dim === 'all')!;
  const all = rows.find((r) => r.dim === 'all')!;
  const btcPerThDay = kpiHashprice(network);
  const figures = (r: KpiRow) => kpiFigures(r, btcPerThDay, network.btcPriceUsd);
  const fleet = figures(all);
  const n = (v: number) => formatNumber(v, locale);
  const usd = (cents: number | null) => formatUsdFromCents(cents, locale, 0);
  const label = (r: KpiRow) => r.label ?? t('selfMining');
  const dims = (['site', 'model', 'customer'] as const).map((d) => ({ d, rows: rows.filter((r) => r.dim === d) }));

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label={tFleet('minersInService')} value={n(all.total)} hint={tFleet('soldRule')} />
        <StatCard label={t('online')} value={n(all.active)} tone="ok" hint={t('share', { pct: formatPercent(fleet.onlineSharePct, locale) })} />
        <StatCard label={t('offline')} value={n(all.offline)} tone={all.offline ? 'bad' : undefined} hint={t('notMeasured', { sleeping: n(all.sleeping), unknown: n(all.unknown) })} />
        <StatCard label={t('maintenance')} value={n(all.maintenance)} tone={all.maintenance ? 'warn' : undefined} />
        <StatCard
          label={t('hashrate')}
          value={formatHashrate(all.activeThs, locale)}
          hint={
            <>
              <HashrateSources figures={all} /> · {t('installed', { value: formatHashrate(all.nominalThs, locale) })}
            </>
          }
        />
        <StatCard label={t('power')} value={formatPower(fleet.powerW, locale)} hint={<PowerSources figures={all} />} />
        <StatCard label={t('efficiency')} value={formatEfficiency(fleet.efficiencyJPerTh, locale)} />
        <StatCard
          label={t('uptime')}
          value={formatPercent(measured.uptimePct24h, locale)}
          tone={isUptimeLow(measured.uptimePct24h) ? 'warn' : undefined}
          hint={measured.uptimePct24h === null ? t('noTelemetry') : t('uptimeHint', { count: measured.historyMiners })}
        />
        <StatCard
          label={tPool('luck')}
          value={formatPercent(poolAll.luckPct, locale, { signed: true })}
          hint={tPool('fleetHint', { credited: formatHashrate(poolAll.creditedThs, locale), expected: formatHashrate(poolAll.expectedThs, locale) })}
        />
        <StatCard label={t('revenue')} value={usd(fleet.revenueCentsPerDay)} hint={t('revenueHint', { price: formatUsd(network.btcPriceUsd, locale, 0) })} />
        {fleet.costCentsPerDay === null ? null : (
          <>
            <StatCard label={t('cost')} value={usd(fleet.costCentsPerDay)} />
            <StatCard label={t('margin')} value={usd(fleet.marginCentsPerDay)} tone={fleet.marginCentsPerDay !== null && fleet.marginCentsPerDay < 0 ? 'bad' : undefined} />
          </>
        )}
      </div>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-xs text-muted">
        <span>{t('nominalNote')}</span>
        <Freshness snapshot={network} locale={locale} />
      </p>
      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <Card title={t('chartBySite')}>
          <HorizontalBars emptyLabel={t('empty')} unit="hashrateThs" data={dims[0]!.rows.map((r) => ({ label: label(r), value: r.activeThs }))} />
        </Card>
        <Card title={t('chartByCustomer')}>
          <HorizontalBars emptyLabel={t('empty')} unit="hashrateThs" data={dims[2]!.rows.slice(0, 10).map((r) => ({ label: label(r), value: r.activeThs }))} />
        </Card>
      </div>
      {dims.map(({ d, rows: list }) => (
        <Card key={d} title={t(`by.${d}`)} className="mt-4">
          <KpiTable rows={list.slice(0, 50).map((r) => ({ ...r, label: label(r), ...figures(r) }))} withCost={hostCosts} />
        </Card>
      ))}
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <Card title={tPool('bySite')}>
          <PoolVsMinerTable rows={pool.filter((r) => r.dim === 'site')} nameHeader={t('name')} unnamed={t('selfMining')} />
        </Card>
        <Card title={tPool('byCustomer')}>
          <PoolVsMinerTable rows={pool.filter((r) => r.dim === 'customer').slice(0, 50)} nameHeader={t('name')} unnamed={t('selfMining')} />
        </Card>
      </div>
      <p className="mt-2 text-xs text-muted">{tPool('note', { at: formatDateTime(poolAll.poolAt, locale, 'UTC', { zone: true }) })}</p>
    </>
  );
}
