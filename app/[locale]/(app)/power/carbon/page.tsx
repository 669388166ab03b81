import { getTranslations, setRequestLocale } from 'next-intl/server';
import { MonthBars } from '@/components/charts/month-bars';
import { DataTable } from '@/components/list/data-table';
import { Card, StatCard } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { siteEnergyMixes } from '@/db/queries/power/energy-mix';
import { carbonByMonth } from '@/db/queries/power/reports';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { isOrgWide } from '@/lib/core/scope';
import { CO2_KG_PER_KWH, ENERGY_SOURCE_KEYS, type EnergySource } from '@/lib/domain/power/carbon';
import { addDays, localDate } from '@/lib/domain/power/zone';
import { formatChartTime, formatDate, formatEnergy, formatNumber, formatPercent } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { carbonReport, monthsEnding } from '@/lib/power/reports';
import { monthSchema } from '@/lib/validation/power';
import { MonthPicker } from '../_components/month-picker';
import { EnergyMixForm } from './_components/energy-mix-form';

export const generateMetadata = pageTitle('powerCarbon');

const TOP = 20;
/** One colour per source, the same on every chart. */
const SOURCE_COLOR: Record<EnergySource, string> = { hydro: '#60a5fa', solar: '#fbbf24', wind: '#2dd4bf', nuclear: '#a78bfa', natural_gas: '#fb923c', coal: '#9ca3af', grid: '#f87171' };

/**
 * kg CO₂ per month by energy source over each site's stored mix (REFERENCE §6 factors), per site and
 * per customer for the chosen month, and the mixes — editable by owners and admins. A client sees
 * its own customer's carbon.
 */
export default async function PowerCarbonPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'hosting:power');
  const month = monthSchema.catch(new Date().toISOString().slice(0, 7)).parse((await searchParams).month);
  const months = monthsEnding(month, 12);
  const filter = { fromMonth: months[0]!, toMonth: month };
  const db = await getDb();
  const now = new Date();
  const [t, te, sites, customers, mixes] = await Promise.all([
    getTranslations('Power'),
    getTranslations('Energy'),
    carbonByMonth(db, actor.scope, { ...filter, by: 'site' }),
    carbonByMonth(db, actor.scope, { ...filter, by: 'customer' }),
    siteEnergyMixes(db, actor.scope, now),
  ]);
  const bySite = carbonReport(sites);
  const byCustomer = carbonReport(customers).rows.filter((r) => r.month === month).sort((a, b) => b.co2G - a.co2G);
  const current = bySite.months.find((m) => m.month === month);
  const used = ENERGY_SOURCE_KEYS.filter((s) => sites.some((r) => r.source === s));
  const chart = bySite.months.length
    ? months.map((m) => {
        const row = bySite.months.find((x) => x.month === m);
        return { x: formatChartTime(`${m}-15T12:00:00Z`, locale, 'month'), ...Object.fromEntries(used.map((s) => [s, Math.round((row?.bySource.find((b) => b.source === s)?.co2G ?? 0) / 100) / 10])) };
      })
    : [];
  const kg = (g: number) => t('carbon.kg', { kg: formatNumber(g / 1000, locale, { digits: 1 }) });
  const intensity = (v: number | null) => (v === null ? '—' : t('carbon.perKwh', { kg: formatNumber(v, locale, { digits: 3 }) }));
  const edits = isOrgWide(actor.scope) && can(actor.role, 'hosting:power', 'FULL');
  const shown = new Set(sites.map((r) => r.key));
  type Row = (typeof bySite.rows)[number];
  const columns = (name: string) => [
    { key: 'name', header: name, cell: (r: Row) => r.name },
    { key: 'kwh', header: t('comparison.energy'), figure: true, cell: (r: Row) => formatEnergy(r.energyWh, locale) },
    { key: 'co2', header: t('carbon.co2'), figure: true, cell: (r: Row) => kg(r.co2G) },
    { key: 'intensity', header: t('carbon.intensity'), figure: true, className: 'hidden sm:table-cell', cell: (r: Row) => intensity(r.kgPerKwh) },
  ];
  return (
    <>
      <PageHeader title={t('carbon.title')} subtitle={t('carbon.subtitle')} />
      <MonthPicker month={month} label={t('month')} />
      <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-3">
        <StatCard label={t('carbon.co2')} value={current ? kg(current.co2G) : '—'} hint={current ? undefined : t('carbon.empty')} />
        <StatCard label={t('carbon.intensity')} value={intensity(current?.kgPerKwh ?? null)} />
        <StatCard label={t('carbon.twelveMonths')} value={kg(bySite.months.reduce((a, m) => a + m.co2G, 0))} />
      </div>
      <Card title={t('carbon.chartTitle')} className="mb-6">
        <MonthBars data={chart} xKey="x" stacked series={used.map((s) => ({ key: s, label: te(s), color: SOURCE_COLOR[s] }))} emptyLabel={t('carbon.empty')} />
      </Card>
      <Card title={t('carbon.bySite')} className="mb-6">
        {bySite.rows.some((r) => r.month === month) ? <DataTable label={t('carbon.bySite')} rows={bySite.rows.filter((r) => r.month === month)} rowKey={(r) => r.id} columns={columns(t('site'))} /> : <p className="text-sm text-muted">{t('carbon.empty')}</p>}
      </Card>
      <Card title={byCustomer.length > TOP ? t('comparison.byCustomerTop', { count: TOP }) : t('comparison.byCustomer')} className="mb-6">
        {byCustomer.length ? <DataTable label={t('comparison.byCustomer')} rows={byCustomer.slice(0, TOP)} rowKey={(r) => r.id} columns={columns(t('customer'))} /> : <p className="text-sm text-muted">{t('carbon.empty')}</p>}
      </Card>
      <Card title={t('carbon.mixTitle')}>
        <p className="mb-3 text-sm text-muted">
          {t('carbon.factors', { list: ENERGY_SOURCE_KEYS.map((s) => `${te(s)} ${formatNumber(CO2_KG_PER_KWH[s], locale, { digits: 3 })}`).join(' · ') })}
        </p>
        {mixes.filter((m) => edits || shown.has(m.siteId)).length ? (
          <ul className="flex flex-col gap-4">
            {mixes
              .filter((m) => edits || shown.has(m.siteId))
              .map((m) => (
                <li key={m.siteId} className="border-t border-line pt-3 first:border-0 first:pt-0">
                  <div className="mb-2 flex flex-wrap items-baseline gap-2 text-sm">
                    <span className="font-medium">{m.name}</span>
                    <span className="text-muted">{m.mix.map((x) => `${te(x.source)} ${formatPercent(x.shareBp / 100, locale, { digits: 2 })}`).join(' · ')}</span>
                    {m.stored ? <span className="text-xs text-muted">{t('carbon.since', { date: formatDate(m.since, locale, m.timeZone) })}</span> : <span className="text-xs text-muted">{t('carbon.singleSource')}</span>}
                  </div>
                  {m.next ? (
                    <p className="mb-2 text-xs text-muted">
                      {t('carbon.nextMix', { date: formatDate(m.next.effectiveFrom, locale, m.timeZone), mix: m.next.mix.map((x) => `${te(x.source)} ${formatPercent(x.shareBp / 100, locale, { digits: 2 })}`).join(' · ') })}
                    </p>
                  ) : null}
                  {edits ? <EnergyMixForm siteId={m.siteId} sources={ENERGY_SOURCE_KEYS} shares={Object.fromEntries((m.next ?? m).mix.map((x) => [x.source, x.shareBp / 100]))} minDate={addDays(localDate(now, m.timeZone), 1)} /> : null}
                </li>
              ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">{t('carbon.empty')}</p>
        )}
      </Card>
    </>
  );
}
