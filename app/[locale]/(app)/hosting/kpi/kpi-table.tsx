import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/list/data-table';
import { FigureCard } from '@/components/list/figure-card';
import type { KpiRow } from '@/db/queries/hosting/fleet';
import type { KpiFigures } from '@/lib/domain/hosting/kpi';
import { formatHashrate, formatNumber, formatPower, formatUsdFromCents } from '@/lib/format';

/** One breakdown; the cost column only for viewers who may see the host's costs. On a phone each line is a card, revenue and power first. */
export async function KpiTable({ rows, withCost }: { rows: (KpiRow & KpiFigures & { label: string })[]; withCost: boolean }) {
  const [t, tFleet, locale] = await Promise.all([getTranslations('HostingKpi'), getTranslations('Fleet'), getLocale()]);
  const n = (v: number) => formatNumber(v, locale);
  const usd = (cents: number | null) => formatUsdFromCents(cents, locale, 0);
  return (
    <DataTable
      label={t('breakdown')}
      rows={rows}
      rowKey={(r) => r.key ?? 'none'}
      columns={[
        { key: 'name', header: t('name'), cell: (r) => r.label },
        { key: 'total', header: tFleet('minersInService'), figure: true, cell: (r) => n(r.total) },
        { key: 'online', header: t('online'), figure: true, cell: (r) => n(r.active) },
        { key: 'offline', header: t('offline'), figure: true, cellClassName: 'text-bad', cell: (r) => n(r.offline) },
        { key: 'hashrate', header: t('colHashrate'), figure: true, cell: (r) => formatHashrate(r.activeThs, locale) },
        { key: 'power', header: t('colPower'), figure: true, cell: (r) => formatPower(r.powerW, locale) },
        { key: 'revenue', header: t('revenue'), figure: true, cell: (r) => usd(r.revenueCentsPerDay) },
        withCost && { key: 'cost', header: t('cost'), figure: true, cell: (r) => usd(r.costCentsPerDay) },
      ]}
      card={(r) => (
        <FigureCard
          title={r.label}
          figures={[
            { label: t('revenue'), value: usd(r.revenueCentsPerDay) },
            withCost && { label: t('cost'), value: usd(r.costCentsPerDay) },
            { label: t('colPower'), value: formatPower(r.powerW, locale) },
            { label: t('colHashrate'), value: formatHashrate(r.activeThs, locale) },
            { label: tFleet('minersInService'), value: n(r.total) },
            { label: t('online'), value: n(r.active) },
            { label: t('offline'), value: n(r.offline), className: r.offline ? 'text-bad' : '' },
          ]}
        />
      )}
    />
  );
}
