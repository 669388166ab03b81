import { getLocale, getTranslations } from 'next-intl/server';
import { Table, Td, Th } from '@/components/ui/table';
import type { KpiRow } from '@/db/queries/fleet';
import { formatHashrate, formatNumber, formatPower, formatUsd } from '@/lib/format';

export async function KpiTable({ rows }: { rows: (KpiRow & { label: string; usdPerDay: number | null })[] }) {
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
          <Th className="text-right">{t('cost')}</Th>
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
            <Td className="text-right tabular-nums">{usd(r.costUsdPerDay)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
