import { getTranslations } from 'next-intl/server';
import { Table, Td, Th } from '@/components/ui/table';
import type { SiteOverview } from '@/db/queries/power/read';
import { formatEnergy, formatPercent, formatPower, formatUsdFromCents } from '@/lib/format';

type SourceKey = 'meter' | 'pdu' | 'telemetry' | 'nameplate' | 'mixed';

/** Per site: power now, today's and the month's energy, peak, utilisation and cost, and the sources of the month's hours. */
export async function SitesTable({ sites, staff, locale }: { sites: SiteOverview[]; staff: boolean; locale: string }) {
  const t = await getTranslations('Power');
  if (!sites.length) return <p className="text-sm text-muted">{t('empty')}</p>;
  return (
    <Table label={t('sites')}>
      <thead>
        <tr>
          <Th>{t('site')}</Th>
          <Th className="text-right">{t('kw')}</Th>
          <Th className="text-right">{t('todayShort')}</Th>
          <Th className="text-right">{t('monthShort')}</Th>
          <Th className="text-right">{t('peakShort')}</Th>
          {staff ? <Th className="text-right">{t('utilShort')}</Th> : null}
          {staff ? <Th className="text-right">{t('costShort')}</Th> : null}
          <Th>{t('sourceShort')}</Th>
        </tr>
      </thead>
      <tbody>
        {sites.map((s) => (
          <tr key={s.siteId}>
            <Td>{s.name}</Td>
            <Td className="text-right tabular-nums">{formatPower(s.liveW, locale)}</Td>
            {/* No aggregated hour yet: no figure, never 0. */}
            <Td className="text-right tabular-nums">{s.lastHour ? formatEnergy(s.todayWh, locale) : '—'}</Td>
            <Td className="text-right tabular-nums">{s.lastHour ? formatEnergy(s.monthWh, locale) : '—'}</Td>
            <Td className="text-right tabular-nums">{s.lastHour ? formatPower(s.monthPeakW, locale) : '—'}</Td>
            {staff ? <Td className="text-right tabular-nums">{s.lastHour && s.contractedKw ? formatPercent((s.monthPeakW / (s.contractedKw * 1000)) * 100, locale) : '—'}</Td> : null}
            {staff ? <Td className="text-right tabular-nums">{s.lastHour ? formatUsdFromCents(s.monthCostCents, locale) : '—'}</Td> : null}
            <Td className="text-xs text-muted">{s.monthSources.length ? s.monthSources.map((x) => t(`source.${x as SourceKey}`)).join(', ') : '—'}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
