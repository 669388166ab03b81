import { useLocale, useTranslations } from 'next-intl';
import { DataTable } from '@/components/list/data-table';
import { FigureCard } from '@/components/list/figure-card';
import type { SortState } from '@/components/list/sort-header';
import { Badge } from '@/components/ui/badge';
import { deviationPct, isDeviant } from '@/lib/domain/pool/deviation';
import { formatHashrate, formatPercent, thsFromHs } from '@/lib/format';
import { LinkDialog } from './link-dialog';

type Row = { account: string; accountId: string; workerName: string; hs10m: string; hs1h: string; hs1d: string; status: string; minerName: string | null; linkSource: string | null; minerThs: number | null };

/**
 * Pool-reported hashrate per worker, the linked hosted miner and what that miner reported itself over
 * the last hour, with the deviation highlighted past the threshold. Column headers sort on the server.
 */
export function WorkerTable({ rows, sort, canLink }: { rows: Row[]; sort: SortState; canLink: boolean }) {
  const t = useTranslations('Pool');
  const locale = useLocale();
  const hashrate = (key: 'hs10m' | 'hs1h' | 'hs1d', header: string) => ({ key, header, sort: key, firstDir: 'desc' as const, figure: true, cell: (r: Row) => formatHashrate(thsFromHs(r[key]), locale) });
  const deviation = (r: Row) => deviationPct(Number(r.hs1h) / 1e12, r.minerThs);
  return (
    <DataTable
      label={t('workers')}
      rows={rows}
      rowKey={(r) => `${r.accountId}/${r.workerName}`}
      sort={sort}
      columns={[
        { key: 'name', header: t('worker'), sort: 'name', cellClassName: 'font-mono text-xs', cell: (r) => r.workerName },
        { key: 'account', header: t('account'), cell: (r) => r.account },
        { key: 'status', header: t('status'), cell: (r) => <Badge tone={r.status === 'online' ? 'ok' : 'bad'}>{t(`workerStatus.${r.status}`)}</Badge> },
        hashrate('hs10m', '10 min'),
        { ...hashrate('hs1h', '1 h'), cellClassName: (r) => `${Number(r.hs1h) < 0.5 * Number(r.hs1d) && r.status === 'online' ? 'text-warn' : ''}` },
        hashrate('hs1d', '24 h'),
        {
          key: 'miner',
          header: t('miner'),
          cell: (r) => (
            <>
              {r.minerName ?? <Badge tone="warn">{t('unlinked')}</Badge>}
              {r.linkSource === 'manual' && r.minerName ? <span className="ml-1 text-xs text-muted">({t('links.source.manual')})</span> : null}
            </>
          ),
        },
        { key: 'minerThs', header: t('minerReported'), figure: true, cell: (r) => formatHashrate(r.minerThs, locale) },
        { key: 'deviation', header: t('deviation'), sort: 'deviation', firstDir: 'desc', figure: true, cellClassName: (r) => `${isDeviant(deviation(r)) ? 'font-semibold text-bad' : ''}`, cell: (r) => formatPercent(deviation(r), locale, { signed: true }) },
        canLink && { key: 'link', cell: (r) => <LinkDialog accountId={r.accountId} workerName={r.workerName} minerName={r.minerName} source={r.linkSource} /> },
      ]}
      card={(r) => (
        <FigureCard
          title={<span className="font-mono text-xs break-all">{r.workerName}</span>}
          badge={<Badge tone={r.status === 'online' ? 'ok' : 'bad'}>{t(`workerStatus.${r.status}`)}</Badge>}
          figures={[
            { label: t('account'), value: r.account },
            { label: '10 min', value: formatHashrate(thsFromHs(r.hs10m), locale) },
            { label: '1 h', value: formatHashrate(thsFromHs(r.hs1h), locale) },
            { label: '24 h', value: formatHashrate(thsFromHs(r.hs1d), locale) },
            { label: t('miner'), value: r.minerName ?? <Badge tone="warn">{t('unlinked')}</Badge> },
            { label: t('minerReported'), value: formatHashrate(r.minerThs, locale) },
            { label: t('deviation'), value: formatPercent(deviation(r), locale, { signed: true }), className: isDeviant(deviation(r)) ? 'font-semibold text-bad' : '' },
          ]}
          footer={canLink ? <LinkDialog accountId={r.accountId} workerName={r.workerName} minerName={r.minerName} source={r.linkSource} /> : undefined}
        />
      )}
    />
  );
}
