import { getLocale, getTranslations } from 'next-intl/server';
import { Freshness } from '@/components/market/freshness';
import { HashrateSources, PowerSources } from '@/components/telemetry/figure-sources';
import { Card, StatCard } from '@/components/ui/card';
import type { KpiRow } from '@/db/queries/hosting/fleet';
import type { KpiFigures } from '@/lib/domain/hosting/kpi';
import type { NetworkSnapshot } from '@/lib/domain/mining/network';
import { formatHashrate, formatNumber, formatPower, formatUsdFromCents } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';

/**
 * The organization's fleet per day (the default; for a site- or customer-scoped viewer, the miners
 * in their scope — what the KPI page shows them): its measured hashrate and power with their
 * sources, and the KPI page's revenue, cost and margin for the same miners — the same row
 * (hostingKpis) and the same arithmetic (kpiFigures), so the two pages show one figure.
 */
export async function OrgFleetFigures({ fleet, figures, network, orgWide }: { fleet: KpiRow; figures: KpiFigures; network: NetworkSnapshot; orgWide: boolean }) {
  const [t, tFleet, locale] = await Promise.all([getTranslations('Analytics'), getTranslations('Fleet'), getLocale()]);
  const usd = (cents: number | null) => formatUsdFromCents(cents, locale, 0);
  return (
    <Card title={t(orgWide ? 'orgFleetTitle' : 'scopedFleetTitle')}>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="org-fleet-figures">
        <StatCard label={tFleet('minersInService')} value={formatNumber(fleet.total, locale)} hint={`${t('orgOnline', { count: formatNumber(fleet.active, locale) })} · ${tFleet('soldRule')}`} />
        <StatCard label={t('orgHashrate')} value={formatHashrate(fleet.activeThs, locale)} hint={<HashrateSources figures={fleet} />} />
        <StatCard label={t('orgPower')} value={formatPower(figures.powerW, locale)} hint={<PowerSources figures={fleet} />} />
        <StatCard label={t('orgRevenue')} value={usd(figures.revenueCentsPerDay)} />
        {figures.costCentsPerDay === null ? null : (
          <>
            <StatCard label={t('orgCost')} value={usd(figures.costCentsPerDay)} />
            <StatCard label={t('orgMargin')} value={usd(figures.marginCentsPerDay)} tone={figures.marginCentsPerDay !== null && figures.marginCentsPerDay < 0 ? 'bad' : undefined} />
          </>
        )}
      </div>
      <p className="mt-3 flex flex-wrap items-center gap-2 text-xs text-muted">
        <Freshness snapshot={network} locale={locale} />
        <Link href="/hosting/kpi" className="text-accent hover:underline">
          {t('orgKpiLink')}
        </Link>
      </p>
    </Card>
  );
}
