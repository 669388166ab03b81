import { getTranslations, setRequestLocale } from 'next-intl/server';
import { MonthBars } from '@/components/charts/month-bars';
import { ACCENT } from '@/components/charts/colors';
import { DataTable } from '@/components/list/data-table';
import { Badge } from '@/components/ui/badge';
import { Card, StatCard } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { seesHostCosts } from '@/db/queries/power/read';
import { monthlyFigures } from '@/db/queries/power/reports';
import { requirePage } from '@/lib/auth/guard';
import { shiftMonth } from '@/lib/domain/power/compare';
import { formatChartTime, formatEnergy, formatPercent, formatPower, formatUsdFromCents } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { comparison, contracts, monthlyTrend, monthsEnding } from '@/lib/power/reports';
import { monthSchema } from '@/lib/validation/power';
import { ChangePct } from '../_components/change';
import { MonthPicker } from '../_components/month-picker';

export const generateMetadata = pageTitle('powerComparison');

const TOP = 20;

/**
 * A month against the month before and the same month a year before — kWh, cost (staff) and peak —
 * in total, per site and per customer, the twelve months as bars, and each site's contracted kW
 * against its measured peak. A client sees its own customer and no cost; contracts are the host's.
 */
export default async function PowerComparisonPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'hosting:power');
  const month = monthSchema.catch(shiftMonth(new Date().toISOString().slice(0, 7), -1)).parse((await searchParams).month);
  const staff = seesHostCosts(actor.scope);
  const months = monthsEnding(month, 12);
  const filter = { fromMonth: shiftMonth(month, -12), toMonth: month };
  const db = await getDb();
  const [t, sites, customers] = await Promise.all([getTranslations('Power'), monthlyFigures(db, actor.scope, { ...filter, by: 'site' }), monthlyFigures(db, actor.scope, { ...filter, by: 'customer' })]);
  const bySite = comparison(sites, month);
  const byCustomer = comparison(customers, month)
    .rows.filter((r) => r.current)
    .sort((a, b) => (b.current?.energyWh ?? 0) - (a.current?.energyWh ?? 0));
  const trend = monthlyTrend(sites, months);
  const total = bySite.total;
  const chart = trend.some((m) => m.hasData) ? trend.map((m) => ({ x: formatChartTime(`${m.month}-15T12:00:00Z`, locale, 'month'), kwh: Math.round(m.energyWh / 100) / 10 })) : [];
  const siteContracts = staff ? contracts(sites.filter((r) => r.month === month)) : [];
  type Row = (typeof bySite.rows)[number];
  const columns = (name: string) => [
    { key: 'name', header: name, cell: (r: Row) => r.name },
    { key: 'kwh', header: t('comparison.energy'), figure: true, cell: (r: Row) => formatEnergy(r.current?.energyWh ?? null, locale) },
    { key: 'kwhMom', header: t('comparison.mom'), figure: true, cell: (r: Row) => <ChangePct pct={r.mom.energyPct} locale={locale} /> },
    { key: 'kwhYoy', header: t('comparison.yoy'), figure: true, cell: (r: Row) => <ChangePct pct={r.yoy.energyPct} locale={locale} /> },
    staff && { key: 'cost', header: t('comparison.cost'), figure: true, cell: (r: Row) => formatUsdFromCents(r.current?.costCents ?? null, locale) },
    staff && { key: 'costMom', header: t('comparison.mom'), figure: true, className: 'hidden md:table-cell', cell: (r: Row) => <ChangePct pct={r.mom.costPct} locale={locale} /> },
    { key: 'peak', header: t('comparison.peak'), figure: true, className: 'hidden md:table-cell', cell: (r: Row) => formatPower(r.current?.peakW ?? null, locale) },
    { key: 'peakMom', header: t('comparison.mom'), figure: true, className: 'hidden md:table-cell', cell: (r: Row) => <ChangePct pct={r.mom.peakPct} locale={locale} /> },
  ];
  const card = (r: Row) => (
    <div className="rounded-lg border border-line bg-surface p-3 text-sm">
      <div className="font-medium">{r.name}</div>
      <div className="mt-1 grid grid-cols-3 gap-2 tabular-nums">
        <span>{formatEnergy(r.current?.energyWh ?? null, locale)}</span>
        <span>
          {t('comparison.mom')} <ChangePct pct={r.mom.energyPct} locale={locale} />
        </span>
        <span>
          {t('comparison.yoy')} <ChangePct pct={r.yoy.energyPct} locale={locale} />
        </span>
      </div>
    </div>
  );
  return (
    <>
      <PageHeader title={t('comparison.title')} subtitle={t('comparison.subtitle')} />
      <MonthPicker month={month} label={t('month')} />
      <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-3">
        <StatCard label={t('comparison.energy')} value={formatEnergy(total.current?.energyWh ?? null, locale)} hint={<Changes mom={total.mom.energyPct} yoy={total.yoy.energyPct} locale={locale} t={t} />} />
        {staff ? <StatCard label={t('comparison.cost')} value={formatUsdFromCents(total.current?.costCents ?? null, locale)} hint={<Changes mom={total.mom.costPct} yoy={total.yoy.costPct} locale={locale} t={t} />} /> : null}
        <StatCard label={t('comparison.peak')} value={formatPower(total.current?.peakW ?? null, locale)} hint={<Changes mom={total.mom.peakPct} yoy={total.yoy.peakPct} locale={locale} t={t} />} />
      </div>
      <Card title={t('comparison.chartTitle')} className="mb-6">
        <MonthBars data={chart} xKey="x" series={[{ key: 'kwh', label: 'kWh', color: ACCENT }]} emptyLabel={t('comparison.empty')} />
      </Card>
      <Card title={t('comparison.bySite')} className="mb-6">
        {bySite.rows.length ? <DataTable label={t('comparison.bySite')} rows={bySite.rows} rowKey={(r) => r.id} columns={columns(t('site'))} card={card} /> : <p className="text-sm text-muted">{t('comparison.empty')}</p>}
      </Card>
      <Card title={byCustomer.length > TOP ? t('comparison.byCustomerTop', { count: TOP }) : t('comparison.byCustomer')} className="mb-6">
        {byCustomer.length ? <DataTable label={t('comparison.byCustomer')} rows={byCustomer.slice(0, TOP)} rowKey={(r) => r.id} columns={columns(t('customer'))} card={card} /> : <p className="text-sm text-muted">{t('comparison.empty')}</p>}
      </Card>
      {staff ? (
        <Card title={t('comparison.contractsTitle')}>
          {siteContracts.length ? (
            <DataTable
              label={t('comparison.contractsTitle')}
              rows={siteContracts.map((c) => ({ ...c, m: c.months[0]! }))}
              rowKey={(c) => c.siteId}
              columns={[
                { key: 'name', header: t('site'), cell: (c) => c.name },
                { key: 'contracted', header: t('contracted'), figure: true, cell: (c) => formatPower((c.contractedKw ?? 0) * 1000, locale) },
                { key: 'peak', header: t('monthPeak'), figure: true, cell: (c) => formatPower(c.m.peakW, locale) },
                { key: 'util', header: t('utilisation'), figure: true, cell: (c) => (c.m.exceeded ? <Badge tone="bad">{formatPercent(c.m.peakPct, locale)}</Badge> : formatPercent(c.m.peakPct, locale)) },
                { key: 'load', header: t('comparison.loadFactor'), figure: true, className: 'hidden md:table-cell', cell: (c) => formatPercent(c.m.averagePct, locale) },
                { key: 'headroom', header: t('comparison.headroom'), figure: true, className: 'hidden md:table-cell', cell: (c) => formatPower(c.m.headroomW, locale) },
              ]}
            />
          ) : (
            <p className="text-sm text-muted">{t('comparison.empty')}</p>
          )}
          <p className="mt-2 text-xs text-muted">{t('comparison.contractsNote')}</p>
        </Card>
      ) : null}
    </>
  );
}

function Changes({ mom, yoy, locale, t }: { mom: number | null; yoy: number | null; locale: string; t: Awaited<ReturnType<typeof getTranslations<'Power'>>> }) {
  return (
    <span className="flex gap-3">
      <span>
        {t('comparison.mom')} <ChangePct pct={mom} locale={locale} />
      </span>
      <span>
        {t('comparison.yoy')} <ChangePct pct={yoy} locale={locale} />
      </span>
    </span>
  );
}
