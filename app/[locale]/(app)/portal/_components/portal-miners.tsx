import { useTranslations } from 'next-intl';
import { ListCard } from '@/components/list/list-card';
import type { ListQuery } from '@/components/list/list-href';
import { ListTable } from '@/components/list/list-table';
import { MeasuredHashrate, MeasuredPower, StateBadge } from '@/components/telemetry/measured-tags';
import { Card } from '@/components/ui/card';
import type { listMiners, MinerRow } from '@/db/queries/hosting/miners';
import { Link } from '@/lib/i18n/navigation';

/**
 * The customer's miners, a server-side page at a time: a table on desktop, cards on a phone. State,
 * hashrate and power are measured (telemetry, else the pool, else the nameplate) and say which.
 */
export function PortalMiners({ list, query }: { list: Awaited<ReturnType<typeof listMiners>>; query: ListQuery }) {
  const t = useTranslations('Portal');
  const ths = (m: MinerRow) => <MeasuredHashrate measured={m.measured} />;
  const power = (m: MinerRow) => <MeasuredPower measured={m.measured} />;
  const status = (m: MinerRow) => <StateBadge state={m.measured.state} source={m.measured.stateSource} />;
  return (
    <Card title={t('fleet')} className="mt-6">
      <ListTable
        pathname="/portal"
        query={query}
        page={list}
        empty={{ title: t('noMiners'), hint: t('noMinersHint') }}
        label={t('fleet')}
        rowKey={(m) => m.id}
        columns={[
          {
            key: 'name',
            header: t('name'),
            cell: (m) => (
              <Link href={`/hosting/devices/${m.id}`} className="font-mono text-accent hover:underline">
                {m.name}
              </Link>
            ),
          },
          { key: 'status', header: t('status'), cell: status },
          { key: 'model', header: t('model'), cell: (m) => m.modelName },
          { key: 'site', header: t('site'), cell: (m) => m.siteName },
          { key: 'hashrate', header: t('hashrate'), figure: true, cell: ths },
          { key: 'power', header: t('power'), figure: true, cell: power },
        ]}
        card={(m) => (
          <ListCard href={`/hosting/devices/${m.id}`} title={<span className="font-mono">{m.name}</span>} badge={status(m)} className="bg-bg">
            <div className="mt-1 flex justify-between gap-2 text-xs text-muted">
              <span className="truncate">
                {m.modelName} · {m.siteName}
              </span>
              <span className="shrink-0 tabular-nums">{ths(m)}</span>
            </div>
          </ListCard>
        )}
      />
    </Card>
  );
}
