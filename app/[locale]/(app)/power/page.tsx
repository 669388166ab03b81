import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, StatCard } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listBills } from '@/db/queries/power/bills';
import { curtailmentSavingsByMonth, energySeries, powerOverview, seesHostCosts } from '@/db/queries/power/read';
import { tariffsInScope } from '@/db/queries/power/tariffs';
import { requirePage } from '@/lib/auth/guard';
import { powerAlerts } from '@/lib/domain/power/alerts';
import { forecastMonth } from '@/lib/domain/power/forecast';
import { formatEnergy, formatNumber, formatPower, formatUsdFromCents } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { consumptionQuerySchema } from '@/lib/validation/power';
import { AlertsList } from './_components/alerts-list';
import { BillsTable } from './_components/bills-table';
import { EnergyTrend, rangeWindow } from './_components/energy-trend';
import { SitesTable } from './_components/sites-table';

export const generateMetadata = pageTitle('power');

/**
 * The consumption center: power now, today's and this month's energy, the month's cost and its
 * forecast, curtailment savings, the trend over 24 h / 7 d / 30 d / 12 m, per site, alerts and bills.
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
  const [sites, points, bills, tariffs, savings, t] = await Promise.all([
    powerOverview(db, actor.scope, now),
    energySeries(db, actor.scope, { grain: w.grain, from: w.from, to: w.to }),
    listBills(db, actor.scope, { limit: 20, offset: 0 }),
    staff ? tariffsInScope(db, actor.scope) : Promise.resolve([]),
    staff ? curtailmentSavingsByMonth(db, actor.scope, { fromMonth: now.toISOString().slice(0, 7) }) : Promise.resolve([]),
    getTranslations('Power'),
  ]);
  const sum = (f: (s: (typeof sites)[number]) => number) => sites.reduce((a, s) => a + f(s), 0);
  const forecast = sites.map((s) => forecastMonth(s));
  const forecastCost = forecast.every((f) => f.costCents !== null) && forecast.length ? forecast.reduce((a, f) => a + (f.costCents ?? 0), 0) : null;
  const versions = new Map(tariffs.map((x) => [x.id, x.versions]));
  const alerts = staff ? sites.flatMap((s) => powerAlerts({ ...s, tariffs: versions.get(s.siteId) ?? [] }, now)) : [];
  const month = savings[0];
  const sources = [...new Set(points.flatMap((p) => p.sources))];
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-3 xl:grid-cols-6">
        <StatCard label={t('liveKw')} value={formatPower(sum((s) => s.liveW), locale)} />
        <StatCard label={t('todayKwh')} value={formatEnergy(sum((s) => s.todayWh), locale)} />
        <StatCard label={t('monthKwh')} value={formatEnergy(sum((s) => s.monthWh), locale)} />
        {staff ? (
          <>
            <StatCard label={t('monthCost')} value={formatUsdFromCents(sum((s) => s.monthCostCents ?? 0), locale)} />
            <StatCard label={t('forecastCost')} value={formatUsdFromCents(forecastCost, locale)} hint={sites[0] ? t('forecastHint', { hours: formatNumber(sites[0].hoursInMonth, locale) }) : undefined} />
            <StatCard label={t('curtailmentSavings')} value={month ? formatUsdFromCents(month.netSavingCents, locale) : t('notAvailable')} hint={month ? t('savingsHint', { events: month.events }) : undefined} />
          </>
        ) : null}
      </div>
      <Card title={t('trend')} className="mb-6">
        <EnergyTrend range={range} grain={w.grain} points={points.map((p) => ({ period: p.period, kwh: p.energyWh / 1000 }))} />
        {sources.length ? <p className="mt-2 text-xs text-muted">{t('sourceNote', { sources: sources.map((s) => t(`source.${s as 'telemetry'}`)).join(', ') })}</p> : null}
      </Card>
      <Card title={t('sites')} className="mb-6">
        <SitesTable sites={sites} staff={staff} locale={locale} />
      </Card>
      {staff ? (
        <Card title={t('alerts')} className="mb-6">
          <AlertsList alerts={alerts} names={new Map(sites.map((s) => [s.siteId, s.name]))} />
        </Card>
      ) : null}
      <Card title={t('bills')}>
        <BillsTable bills={bills.bills} locale={locale} />
      </Card>
    </>
  );
}
