import { getLocale, getTranslations } from 'next-intl/server';
import { Table, Td, Th } from '@/components/ui/table';
import type { KpiRow } from '@/db/queries/fleet';
import { formatHashrate, formatNumber, formatPower, formatUsd } from '@/lib/format';

/** One breakdown; the cost column only for viewers who may see the host's costs. */
export async function KpiTable({ rows, withCost }: { rows: (KpiRow & { label: string; usdPerDay: number | null })[]; withCost: boolean }) {
  const [t, locale] = await Promise.all([getTranslations('HostingKpi'), getLocale()]);
  const n = (v: number) => formatNumber(v, locale);
  const usd = (v: number | null) => formatUsd(v, locale, 0);
  return (
    <Table label={t('breakdown')}>
      <thead>
        <tr>
          <Th>{t('name')}</Th>
          <Th className="text-right">{t('total')}</Th>
          <Th className="text-right">{t('online')}</Th>
          <Th className="text-right">{t('offline')}</Th>
          <Th className="text-right">{t('colHashrate')}</Th>
          <Th className="text-right">{t('colPower')}</Th>
          <Th className="text-right">{t('revenue')}</Th>
          {withCost ? <Th className="text-right">{t('cost')}</Th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key ?? 'none'}>
            <Td>{r.label}</Td>
            <Td className="text-right tabular-nums">{n(r.total)}</Td>
            <Td className="text-right tabular-nums">{n(r.active)}</Td>
            <Td className="text-right tabular-nums text-bad">{n(r.offline)}</Td>
            <Td className="text-right tabular-nums">{formatHashrate(r.activeThs, locale)}</Td>
            <Td className="text-right tabular-nums">{formatPower(r.activeKw * 1000, locale)}</Td>
            <Td className="text-right tabular-nums">{usd(r.usdPerDay)}</Td>
            {withCost ? <Td className="text-right tabular-nums">{usd(r.costUsdPerDay)}</Td> : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
