import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/list/data-table';
import { Freshness } from '@/components/market/freshness';
import { Card, StatCard } from '@/components/ui/card';
import { getDb } from '@/db';
import { hostingKpis, type KpiRow } from '@/db/queries/hosting/fleet';
import type { Scope } from '@/lib/core/scope';
import { kpiFigures, kpiHashprice } from '@/lib/domain/hosting/kpi';
import { formatHashrate, formatNumber, formatPercent, formatPower, formatUsdFromCents } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { getCurrentNetwork } from '@/lib/integrations/market/current';

/**
 * The owner's portfolio (and a site owner's sites): revenue, power cost and margin per day at the
 * network figures shown with their freshness, and each site's share — the same KPI rows and formula
 * as /hosting/kpi (lib/domain/hosting/kpi.ts), so the two pages agree. Cost and margin only for the
 * roles that see the host's costs.
 */
export async function Portfolio({ scope, locale, hostCosts, now }: { scope: Scope; locale: string; hostCosts: boolean; now: Date }) {
  const db = await getDb();
  const [rows, network, t] = await Promise.all([hostingKpis(db, scope, { hostCosts }, now), getCurrentNetwork(), getTranslations('Dashboard.portfolio')]);
  const all = rows.find((r) => r.dim === 'all');
  if (!all) return null;
  const btcPerThDay = kpiHashprice(network);
  const figures = (r: KpiRow) => kpiFigures(r, btcPerThDay, network.btcPriceUsd);
  const fleet = figures(all);
  const sites = rows.filter((r) => r.dim === 'site');
  const usd = (cents: number | null) => formatUsdFromCents(cents, locale, 0);
  const marginPct = fleet.marginCentsPerDay !== null && fleet.revenueCentsPerDay ? (100 * fleet.marginCentsPerDay) / fleet.revenueCentsPerDay : null;
  return (
    <Card title={t('title')} className="mt-6">
      <div className="mb-3 text-xs text-muted">
        <Freshness snapshot={network} locale={locale} now={now} />
      </div>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label={t('revenue')} value={usd(fleet.revenueCentsPerDay)} hint={t('perDay')} />
        {hostCosts ? (
          <>
            <StatCard label={t('cost')} value={usd(fleet.costCentsPerDay)} hint={t('costHint')} />
            <StatCard label={t('margin')} value={usd(fleet.marginCentsPerDay)} tone={fleet.marginCentsPerDay !== null && fleet.marginCentsPerDay < 0 ? 'bad' : 'ok'} hint={formatPercent(marginPct, locale)} />
          </>
        ) : null}
        <StatCard label={t('sites')} value={formatNumber(sites.length, locale)} />
      </div>
      {sites.length ? (
        <div className="mt-4">
          <DataTable
            label={t('bySite')}
            rows={sites}
            rowKey={(r) => r.key ?? 'none'}
            card={(r) => (
              <div className="flex flex-col gap-1 rounded-lg border border-line bg-surface p-3 text-sm">
                <span className="font-medium">{r.label}</span>
                <span className="text-xs text-muted">
                  {t('siteLine', { online: formatNumber(r.active, locale), total: formatNumber(r.total, locale), hashrate: formatHashrate(r.activeThs, locale), revenue: usd(figures(r).revenueCentsPerDay) })}
                </span>
              </div>
            )}
            columns={[
              { key: 'site', header: t('site'), cell: (r) => <Link href={`/hosting/sites/${r.key}`} className="text-accent hover:underline">{r.label}</Link> },
              { key: 'online', header: t('online'), figure: true, cell: (r) => `${formatNumber(r.active, locale)} / ${formatNumber(r.total, locale)}` },
              { key: 'hashrate', header: t('hashrate'), figure: true, cell: (r) => formatHashrate(r.activeThs, locale) },
              { key: 'power', header: t('power'), figure: true, cell: (r) => formatPower(figures(r).powerW, locale) },
              { key: 'revenue', header: t('revenue'), figure: true, cell: (r) => usd(figures(r).revenueCentsPerDay) },
              hostCosts && { key: 'margin', header: t('margin'), figure: true, cellClassName: (r) => ((figures(r).marginCentsPerDay ?? 0) < 0 ? 'text-bad' : ''), cell: (r) => usd(figures(r).marginCentsPerDay) },
            ]}
          />
        </div>
      ) : null}
    </Card>
  );
}
