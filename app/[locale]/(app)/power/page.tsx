import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, StatCard } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listPowerAlerts } from '@/db/queries/power/alerts';
import { listBills } from '@/db/queries/power/bills';
import { curtailmentSavingsByMonth, energySeries, powerOverview, seesHostCosts } from '@/db/queries/power/read';
import { tariffsInScope } from '@/db/queries/power/tariffs';
import { listHostingFees } from '@/db/queries/power/hosting-fees';
import { listSiteOptions } from '@/db/queries/hosting/sites';
import { listMinerCustomerOptions } from '@/db/queries/hosting/miners';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { forecastMonth } from '@/lib/domain/power/forecast';
import { formatDateTime, formatEnergy, formatNumber, formatPower, formatUsdFromCents } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { consumptionQuerySchema } from '@/lib/validation/power';
import { AlertsList } from './_components/alerts-list';
import { BillsTable } from './_components/bills-table';
import { EnergyTrend, rangeWindow } from './_components/energy-trend';
import { SitesTable } from './_components/sites-table';
import { TariffsCard } from './_components/tariffs-card';
import { HostingFeesCard } from './_components/hosting-fees-card';

export const generateMetadata = pageTitle('power');

/**
 * The consumption center: power now, today's and this month's energy, the month's cost and its
 * forecast, curtailment savings, the trend over 24 h / 7 d / 30 d / 12 m, per site, the newest alerts
 * (the power-alerts job raises them; /power/alerts lists them all) and bills; comparisons and carbon
 * have their own pages.
 * A client sees its own energy and bills; costs, contracts, tariffs and alerts are the host's.
 */
export default async function PowerPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'hosting:power');
  const { range } = consumptionQuerySchema.catch({ range: '24h' }).parse(await searchParams);
  const db = await getDb();
  const now = new Date();
  const staff = seesHostCosts(actor.scope);
  const w = rangeWindow(range, now);
  const [sites, points, bills, alerts, savings, tariffs, fees, siteOptions, customerOptions, t] = await Promise.all([
    powerOverview(db, actor.scope, now),
    energySeries(db, actor.scope, { grain: w.grain, from: w.from, to: w.to }),
    listBills(db, actor.scope, { limit: 20, offset: 0 }),
    staff ? listPowerAlerts(db, actor.scope, {}, { page: 1, pageSize: 5 }) : null,
    staff ? curtailmentSavingsByMonth(db, actor.scope, { fromMonth: now.toISOString().slice(0, 7) }) : Promise.resolve([]),
    staff ? tariffsInScope(db, actor.scope) : Promise.resolve([]),
    staff ? listHostingFees(db, actor.scope) : Promise.resolve([]),
    staff ? listSiteOptions(db, actor.scope) : Promise.resolve([]),
    staff ? listMinerCustomerOptions(db, actor.scope) : Promise.resolve([]),
    getTranslations('Power'),
  ]);
  const sum = (f: (s: (typeof sites)[number]) => number) => sites.reduce((a, s) => a + f(s), 0);
  // Energy, cost and peak come from the hourly aggregation: a site with no aggregated hour yet has
  // no figure ("—" with the reason), never 0 Wh or $0.00.
  const aggregated = sites.filter((s) => s.lastHour !== null);
  const sumAggregated = (f: (s: (typeof sites)[number]) => number) => (aggregated.length ? aggregated.reduce((a, s) => a + f(s), 0) : null);
  const noAggregate = aggregated.length ? undefined : t('empty');
  const forecast = aggregated.map((s) => forecastMonth(s));
  const forecastCost = forecast.every((f) => f.costCents !== null) && forecast.length ? forecast.reduce((a, f) => a + (f.costCents ?? 0), 0) : null;
  const month = savings[0];
  // Today's cost: the hours aggregated since each site's local midnight, priced by their tariff
  // windows; "—" when no site has an hour today yet, never $0.00.
  const todayPriced = aggregated.filter((s) => s.todayCostCents !== null && s.todayLastHour !== null);
  const todayCost = todayPriced.length ? todayPriced.reduce((a, s) => a + (s.todayCostCents ?? 0), 0) : null;
  const todayThrough = todayPriced.map((s) => Date.parse(s.todayLastHour!) + 3_600_000).sort((a, b) => a - b)[0];
  const sources = [...new Set(points.flatMap((p) => p.sources))];
  const sourceText = (list: string[]) => t('sourceNote', { sources: list.map((s) => t(`source.${s as 'telemetry' | 'meter' | 'pdu'}`)).join(', ') });
  const monthSources = [...new Set(aggregated.flatMap((s) => s.monthSources))].sort();
  // Every energy figure says where it came from: the meters, the miners' telemetry or their nameplate.
  const figureHint = noAggregate ?? (monthSources.length ? sourceText(monthSources) : undefined);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <nav className="mb-4 flex flex-wrap gap-3 text-sm" aria-label={t('reports')}>
        <Link href="/power/comparison" className="text-accent hover:underline">
          {t('comparison.title')}
        </Link>
        <Link href="/power/carbon" className="text-accent hover:underline">
          {t('carbon.title')}
        </Link>
        {staff ? (
          <Link href="/power/alerts" className="text-accent hover:underline">
            {t('alertsPage.title')}
          </Link>
        ) : null}
        {staff && can(actor.role, 'hosting:reconciliation', 'READ') ? (
          <Link href="/power/reconciliation" className="text-accent hover:underline">
            {t('reconciliationLink')}
          </Link>
        ) : null}
      </nav>
      <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-3 xl:grid-cols-7">
        <StatCard label={t('liveKw')} value={formatPower(sum((s) => s.liveW), locale)} />
        <StatCard label={t('todayKwh')} value={formatEnergy(sumAggregated((s) => s.todayWh), locale)} hint={figureHint} />
        <StatCard label={t('monthKwh')} value={formatEnergy(sumAggregated((s) => s.monthWh), locale)} hint={figureHint} />
        {staff ? (
          <>
            <StatCard
              label={t('todayCost')}
              value={formatUsdFromCents(todayCost, locale)}
              hint={todayThrough !== undefined ? t('todayCostHint', { when: formatDateTime(new Date(todayThrough), locale, todayPriced.length === 1 ? todayPriced[0]!.timeZone : 'UTC', { zone: true }) }) : (noAggregate ?? t('todayCostNone'))}
            />
            <StatCard label={t('monthCost')} value={formatUsdFromCents(sumAggregated((s) => s.monthCostCents ?? 0), locale)} hint={figureHint} />
            <StatCard label={t('forecastCost')} value={formatUsdFromCents(forecastCost, locale)} hint={aggregated[0] ? t('forecastHint', { hours: formatNumber(aggregated[0].hoursInMonth, locale) }) : noAggregate} />
            <StatCard label={t('curtailmentSavings')} value={month ? formatUsdFromCents(month.netSavingCents, locale) : t('notAvailable')} hint={month ? t('savingsHint', { events: month.events }) : undefined} />
          </>
        ) : null}
      </div>
      <Card title={t('trend')} className="mb-6">
        <EnergyTrend range={range} grain={w.grain} points={points.map((p) => ({ period: p.period, kwh: p.energyWh / 1000 }))} />
        {sources.length ? <p className="mt-2 text-xs text-muted">{sourceText(sources)}</p> : null}
      </Card>
      <Card title={t('sites')} className="mb-6">
        <SitesTable sites={sites} staff={staff} locale={locale} />
      </Card>
      {staff && tariffs.length ? <TariffsCard sites={tariffs} locale={locale} edits={can(actor.role, 'hosting:power', 'FULL')} now={now} /> : null}
      {staff ? <HostingFeesCard fees={fees} sites={siteOptions} customers={customerOptions} locale={locale} edits={can(actor.role, 'hosting:power', 'FULL')} /> : null}
      {alerts ? (
        <Card title={t('alerts')} className="mb-6">
          <AlertsList alerts={alerts.rows} total={alerts.total} locale={locale} />
        </Card>
      ) : null}
      <Card title={t('bills')}>
        <BillsTable bills={bills.bills} locale={locale} />
      </Card>
    </>
  );
}
