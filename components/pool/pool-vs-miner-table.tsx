import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/list/data-table';
import { FigureCard } from '@/components/list/figure-card';
import type { PoolVsMinerRow } from '@/db/queries/pool/pool-vs-miner';
import { isDeviant } from '@/lib/domain/pool/deviation';
import { formatHashrate, formatNumber, formatPercent } from '@/lib/format';

/**
 * Expected against pool-credited hashrate for a breakdown (sites or customers), with the luck
 * (lib/domain/pool/luck.ts). The expected column says how much of it was measured by telemetry.
 */
export async function PoolVsMinerTable({ rows, nameHeader, unnamed }: { rows: PoolVsMinerRow[]; nameHeader: string; unnamed: string }) {
  const [t, locale] = await Promise.all([getTranslations('PoolVsMiner'), getLocale()]);
  const ths = (v: number) => formatHashrate(v, locale);
  const luck = (r: PoolVsMinerRow) => formatPercent(r.luckPct, locale, { signed: true });
  const measured = (r: PoolVsMinerRow) => t('measuredShare', { pct: formatPercent(r.expectedThs ? (100 * r.expectedBySource.telemetry) / r.expectedThs : null, locale, { digits: 0 }) });
  const tone = (r: PoolVsMinerRow) => (isDeviant(r.luckPct) ? 'text-warn' : '');
  if (!rows.length) return <p className="text-sm text-muted">{t('empty')}</p>;
  return (
    <DataTable
      label={t('title')}
      rows={rows}
      rowKey={(r) => r.key ?? 'none'}
      columns={[
        { key: 'name', header: nameHeader, cell: (r) => r.label ?? unnamed },
        { key: 'units', header: t('units'), figure: true, cell: (r) => formatNumber(r.units, locale) },
        { key: 'expected', header: t('expected'), figure: true, cell: (r) => ths(r.expectedThs) },
        { key: 'measured', header: t('measured'), figure: true, className: 'hidden lg:table-cell', cell: measured },
        { key: 'credited', header: t('credited'), figure: true, cell: (r) => ths(r.creditedThs) },
        { key: 'luck', header: t('luck'), figure: true, cellClassName: tone, cell: luck },
      ]}
      card={(r) => (
        <FigureCard
          title={r.label ?? unnamed}
          figures={[
            { label: t('luck'), value: luck(r), className: tone(r) },
            { label: t('expected'), value: ths(r.expectedThs) },
            { label: t('credited'), value: ths(r.creditedThs) },
            { label: t('units'), value: formatNumber(r.units, locale) },
          ]}
        />
      )}
    />
  );
}
