'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { StatCard } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, Td, Th } from '@/components/ui/table';
import { exportRecords, toCsv, toXlsx } from '@/lib/calculator/batch-export';
import { type BatchResult, type BatchTotals, type SortKey, sortBatch } from '@/lib/domain/mining/batch';
import { formatBtc, formatHashrate, formatNumber, formatPercent, formatPower, formatUsd } from '@/lib/format';

const PAGE_SIZE = 50;
const COLUMNS: { key: SortKey; label: string; right?: boolean }[] = [
  { key: 'row', label: 'colRow', right: true },
  { key: 'model', label: 'model' },
  { key: 'quantity', label: 'quantity', right: true },
  { key: 'hashrateThs', label: 'colHashrate', right: true },
  { key: 'electricityUsdPerKwh', label: 'colKwh', right: true },
  { key: 'revenueUsdPerDay', label: 'colRevenue', right: true },
  { key: 'powerCostUsdPerDay', label: 'colCost', right: true },
  { key: 'netProfitUsdPerDay', label: 'colNet', right: true },
  { key: 'marginPct', label: 'colMargin', right: true },
  { key: 'breakEvenUsdPerKwh', label: 'colBreakEven', right: true },
];

function download(name: string, data: BlobPart, type: string) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

/** The priced rows: totals, a sortable table paged 50 at a time, and CSV/XLSX export of every row. */
export function BatchResults({ results, totals }: { results: BatchResult[]; totals: BatchTotals }) {
  const t = useTranslations('Calculator');
  const tc = useTranslations('Common');
  const locale = useLocale();
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'row', dir: 'asc' });
  const [page, setPage] = useState(1);
  const sorted = useMemo(() => sortBatch(results, sort.key, sort.dir), [results, sort]);
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const shown = sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const toggle = (key: SortKey) => {
    setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }));
    setPage(1);
  };
  if (!results.length) return <EmptyState title={t('noValidRows')} />;
  const records = () => exportRecords(sorted, totals);
  return (
    <div className="flex flex-col gap-3" data-testid="batch-results">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label={t('totalUnits')} value={formatNumber(totals.quantity, locale)} hint={`${formatHashrate(totals.hashrateThs, locale)} · ${formatPower(totals.powerKw * 1000, locale)}`} />
        <StatCard label={t('colRevenue')} value={formatUsd(totals.revenueUsdPerDay, locale)} hint={formatBtc(totals.revenueBtcPerDay, locale)} />
        <StatCard label={t('colCost')} value={formatUsd(totals.powerCostUsdPerDay, locale)} />
        <StatCard label={t('colNet')} value={formatUsd(totals.netProfitUsdPerDay, locale)} hint={t('margin', { value: formatPercent(totals.marginPct, locale) })} tone={totals.netProfitUsdPerDay >= 0 ? 'ok' : 'bad'} />
      </div>
      <div className="flex gap-2">
        <Button type="button" variant="secondary" onClick={() => download('batch-results.csv', toCsv(records()), 'text/csv;charset=utf-8')}>
          {t('exportCsv')}
        </Button>
        <Button type="button" variant="secondary" onClick={async () => download('batch-results.xlsx', await toXlsx(records()), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')}>
          {t('exportXlsx')}
        </Button>
      </div>
      <Table label={t('batchTitle')}>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <Th key={c.key} className={c.right ? 'text-right' : ''} aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button type="button" className="uppercase hover:text-ink" onClick={() => toggle(c.key)}>
                  {t(c.label as 'model')}
                  {sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                </button>
              </Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.row}>
              <Td className="text-right tabular-nums">{r.row}</Td>
              <Td>{r.model || t('custom')}</Td>
              <Td className="text-right tabular-nums">{formatNumber(r.quantity, locale)}</Td>
              <Td className="text-right tabular-nums">{formatHashrate(r.hashrateThs, locale)}</Td>
              <Td className="text-right tabular-nums">{formatNumber(r.electricityUsdPerKwh, locale, { digits: 4 })}</Td>
              <Td className="text-right tabular-nums">{formatUsd(r.revenueUsdPerDay, locale)}</Td>
              <Td className="text-right tabular-nums">{formatUsd(r.powerCostUsdPerDay, locale)}</Td>
              <Td className={`text-right tabular-nums ${r.netProfitUsdPerDay < 0 ? 'text-bad' : 'text-ok'}`}>{formatUsd(r.netProfitUsdPerDay, locale)}</Td>
              <Td className="text-right tabular-nums">{formatPercent(r.marginPct, locale)}</Td>
              <Td className="text-right tabular-nums">{formatUsd(r.breakEvenUsdPerKwh, locale, 4)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <nav className="flex items-center justify-between text-sm text-muted" aria-label="pagination">
        <span>{tc('totalRows', { count: results.length })}</span>
        <div className="flex items-center gap-2">
          <Button type="button" variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {tc('previous')}
          </Button>
          <span>{tc('pageOf', { page, pages })}</span>
          <Button type="button" variant="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {tc('next')}
          </Button>
        </div>
      </nav>
    </div>
  );
}
