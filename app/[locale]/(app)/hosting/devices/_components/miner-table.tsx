import { useTranslations } from 'next-intl';
import { DataTable } from '@/components/list/data-table';
import { ListCard } from '@/components/list/list-card';
import type { SortState } from '@/components/list/sort-header';
import { Badge, MINER_STATUS_TONE } from '@/components/ui/badge';
import type { MinerRow } from '@/db/queries/hosting/miners';
import { Link } from '@/lib/i18n/navigation';

/** Desktop: a sortable table. Phones get a card list instead, one tap target per miner. */
export function MinerTable({ rows, sort }: { rows: MinerRow[]; sort: SortState }) {
  const t = useTranslations('Miners');
  const tStatus = useTranslations('Status');
  const status = (m: MinerRow) => <Badge tone={MINER_STATUS_TONE[m.status]}>{tStatus(m.status)}</Badge>;
  return (
    <DataTable
      label={t('title')}
      rows={rows}
      rowKey={(m) => m.id}
      sort={sort}
      rowProps={() => ({ className: 'hover:bg-surface-2/60' })}
      columns={[
        {
          key: 'name',
          header: t('name'),
          sort: 'name',
          cell: (m) => (
            <Link href={`/hosting/devices/${m.id}`} className="font-mono text-accent hover:underline">
              {m.name}
            </Link>
          ),
        },
        { key: 'status', header: t('status'), sort: 'status', cell: status },
        { key: 'model', header: t('model'), sort: 'model', cell: (m) => m.modelName },
        { key: 'site', header: t('site'), sort: 'site', cell: (m) => m.siteName },
        { key: 'customer', header: t('customer'), sort: 'customer', cell: (m) => m.customerName ?? <span className="text-muted">{t('houseOwned')}</span> },
        { key: 'ip', header: t('ip'), sort: 'ip', cellClassName: 'font-mono text-xs', cell: (m) => m.ipAddress ?? '—' },
        { key: 'worker', header: t('worker'), className: 'hidden lg:table-cell', cellClassName: 'font-mono text-xs', cell: (m) => m.workerName ?? '—' },
      ]}
      card={(m) => (
        <ListCard href={`/hosting/devices/${m.id}`} title={<span className="font-mono">{m.name}</span>} badge={status(m)}>
          <div className="mt-1 truncate text-xs text-muted">
            {m.modelName} · {m.siteName}
          </div>
          <div className="mt-1 flex justify-between gap-2 text-xs">
            <span className="truncate">{m.customerName ?? t('houseOwned')}</span>
            <span className="font-mono text-muted">{m.ipAddress ?? '—'}</span>
          </div>
        </ListCard>
      )}
    />
  );
}
