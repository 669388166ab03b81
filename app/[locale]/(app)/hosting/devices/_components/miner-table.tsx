import { useLocale, useTranslations } from 'next-intl';
import { DataTable } from '@/components/list/data-table';
import { ListCard } from '@/components/list/list-card';
import type { SortState } from '@/components/list/sort-header';
import { MeasuredHashrate, MeasuredPower, MeasuredUptime, StateBadge } from '@/components/telemetry/measured-tags';
import { Badge, MINER_STATUS_TONE } from '@/components/ui/badge';
import type { MinerRow } from '@/db/queries/hosting/miners';
import { formatDateTime, formatNumber } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { PageCheck, RowCheck } from './bulk-selection';

/**
 * Desktop: a sortable table, measured columns first (state, hashrate, chip, power, last seen — each
 * with its source). Phones get a card list instead, one tap target per miner. `selectable` adds a
 * checkbox per row (inside a SelectionProvider) for the bulk actions.
 */
export function MinerTable({ rows, sort, selectable = false }: { rows: MinerRow[]; sort: SortState; selectable?: boolean }) {
  const t = useTranslations('Miners');
  const tm = useTranslations('Measured');
  const tStatus = useTranslations('Status');
  const locale = useLocale();
  const state = (m: MinerRow) => <StateBadge state={m.measured.state} source={m.measured.stateSource} />;
  const status = (m: MinerRow) => <Badge tone={MINER_STATUS_TONE[m.status]}>{tStatus(m.status)}</Badge>;
  const hashrate = (m: MinerRow) => <MeasuredHashrate measured={m.measured} />;
  const power = (m: MinerRow) => <MeasuredPower measured={m.measured} />;
  const chip = (m: MinerRow) => (m.measured.tempChipMaxC === null ? '—' : tm('celsius', { value: formatNumber(m.measured.tempChipMaxC, locale) }));
  return (
    <DataTable
      label={t('title')}
      rows={rows}
      rowKey={(m) => m.id}
      sort={sort}
      rowProps={() => ({ className: 'hover:bg-surface-2/60' })}
      columns={[
        selectable && { key: 'select', header: <PageCheck />, className: 'w-8', cell: (m) => <RowCheck id={m.id} name={m.name} /> },
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
        { key: 'state', header: t('state'), sort: 'state', cell: state },
        { key: 'hashrate', header: t('hashrate'), sort: 'hashrate', figure: true, firstDir: 'desc', cell: hashrate },
        { key: 'chip', header: t('chip'), sort: 'chip', figure: true, firstDir: 'desc', cellClassName: (m) => (m.measured.state === 'overheating' ? 'text-warn' : ''), cell: chip },
        { key: 'power', header: t('power'), sort: 'power', figure: true, firstDir: 'desc', className: 'hidden xl:table-cell', cell: power },
        { key: 'uptime', header: t('uptime24h'), figure: true, className: 'hidden xl:table-cell', cell: (m) => (m.uptime ? <MeasuredUptime uptime={m.uptime} /> : '—') },
        { key: 'seen', header: t('lastSeen'), sort: 'seen', firstDir: 'desc', className: 'hidden xl:table-cell', cellClassName: 'whitespace-nowrap text-xs', cell: (m) => formatDateTime(m.measured.lastSeenAt, locale) },
        { key: 'status', header: t('adminStatus'), sort: 'status', cell: status },
        { key: 'model', header: t('model'), sort: 'model', cell: (m) => m.modelName },
        { key: 'site', header: t('site'), sort: 'site', cell: (m) => m.siteName },
        { key: 'customer', header: t('customer'), sort: 'customer', cell: (m) => m.customerName ?? <span className="text-muted">{t('houseOwned')}</span> },
        { key: 'ip', header: t('ip'), sort: 'ip', cellClassName: 'font-mono text-xs', cell: (m) => m.ipAddress ?? '—' },
        { key: 'worker', header: t('worker'), className: 'hidden lg:table-cell', cellClassName: 'font-mono text-xs', cell: (m) => m.workerName ?? '—' },
      ]}
      card={(m) => {
        const card = (
        <ListCard href={`/hosting/devices/${m.id}`} title={<span className="font-mono">{m.name}</span>} badge={state(m)}>
          <div className="mt-1 flex justify-between gap-2 text-xs">
            <span className="tabular-nums">{hashrate(m)}</span>
            <span className="tabular-nums">{chip(m)}</span>
            {m.status === 'active' ? null : status(m)}
          </div>
          <div className="mt-1 truncate text-xs text-muted">
            {m.modelName} · {m.siteName}
          </div>
          <div className="mt-1 flex justify-between gap-2 text-xs">
            <span className="truncate">{m.customerName ?? t('houseOwned')}</span>
            <span className="font-mono text-muted">{m.ipAddress ?? '—'}</span>
          </div>
        </ListCard>
        );
        // The checkbox sits beside the card's link, not inside it: a tap on it never opens the miner.
        return selectable ? (
          <div className="flex items-center gap-3">
            <RowCheck id={m.id} name={m.name} />
            <div className="min-w-0 flex-1">{card}</div>
          </div>
        ) : (
          card
        );
      }}
    />
  );
}
