import { getFormatter, getTranslations } from 'next-intl/server';
import { Table, Td, Th } from '@/components/ui/table';
import type { KpiRow } from '@/db/queries/fleet';

export async function KpiTable({ rows }: { rows: (KpiRow & { label: string; usdPerDay: number | null })[] }) {
  const [t, format] = await Promise.all([getTranslations('HostingKpi'), getFormatter()]);
  const n = (v: number, digits = 0) => format.number(v, { maximumFractionDigits: digits });
  const usd = (v: number | null) => (v === null ? '—' : format.number(v, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }));
  return (
    <Table label={t('breakdown')}>
      <thead>
        <tr>
          <Th>{t('name')}</Th>
          <Th className="text-right">{t('total')}</Th>
          <Th className="text-right">{t('online')}</Th>
          <Th className="text-right">{t('offline')}</Th>
          <Th className="text-right">{t('hashrateThs')}</Th>
          <Th className="text-right">{t('powerKw')}</Th>
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
            <Td className="text-right tabular-nums">{n(r.activeThs, 0)}</Td>
            <Td className="text-right tabular-nums">{n(r.activeKw, 1)}</Td>
            <Td className="text-right tabular-nums">{usd(r.usdPerDay)}</Td>
            <Td className="text-right tabular-nums">{usd(r.costUsdPerDay)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
