import { getFormatter, getTranslations } from 'next-intl/server';
import { QueueCommandForm } from '@/components/edge/queue-command-form';
import { ListTable } from '@/components/list/list-table';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db';
import { listBatches } from '@/db/queries/edge/batches';
import { commandTargetOptions, listCommands } from '@/db/queries/edge/commands';
import { can } from '@/lib/auth/permissions';
import { Link } from '@/lib/i18n/navigation';
import { EDGE_PATH, type EdgeListProps } from './edge-list';

const TONE: Record<string, BadgeTone> = { QUEUED: 'muted', LEASED: 'accent', SUCCEEDED: 'ok', FAILED: 'bad', EXPIRED: 'warn' };

export async function CommandsTab({ actor, req, query }: EdgeListProps) {
  const db = await getDb();
  const canQueue = can(actor.role, 'remote:execute', 'FULL');
  const [commands, targets, batches, t, tb, format] = await Promise.all([
    listCommands(db, actor.scope, {}, req),
    canQueue ? commandTargetOptions(db, actor.scope) : Promise.resolve([]),
    can(actor.role, 'remote:execute', 'READ') ? listBatches(db, actor.scope, { page: 1, pageSize: 10 }) : null,
    getTranslations('Edge'),
    getTranslations('Bulk'),
    getFormatter(),
  ]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'short', timeStyle: 'medium' }) : '—');
  return (
    <>
      {canQueue ? (
        <Card title={t('queueTitle')} className="mb-6">
          {targets.length ? <QueueCommandForm miners={targets} /> : <p className="text-sm text-muted">{t('noTargets')}</p>}
        </Card>
      ) : null}
      {batches?.rows.length ? (
        <Card title={tb('recentBatches')} className="mb-6">
          <ul className="flex flex-col gap-1 text-sm">
            {batches.rows.map((b) => (
              <li key={b.id} className="flex flex-wrap justify-between gap-2">
                <Link href={`/hosting/devices/batches/${b.id}`} className="text-accent hover:underline">
                  {t(`type.${b.commandType}`)} · {tb('batchCounts', { queued: b.queued, matched: b.matched })}
                </Link>
                <span className="text-xs text-muted">{when(b.createdAt)}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <ListTable
        pathname={EDGE_PATH}
        query={query}
        page={commands}
        keep={['tab']}
        empty={{ title: t('noCommands') }}
        label={t('tab.commands')}
        rowKey={(c) => c.id}
        columns={[
          { key: 'miner', header: t('miner'), cell: (c) => c.minerName },
          { key: 'type', header: t('commandType'), cell: (c) => t(`type.${c.commandType}`) },
          { key: 'status', header: t('status'), cell: (c) => <Badge tone={TONE[c.status]}>{t(`commandStatus.${c.status}`)}</Badge> },
          { key: 'created', header: t('created'), cellClassName: 'text-xs', cell: (c) => when(c.createdAt) },
          { key: 'finished', header: t('finished'), cellClassName: 'text-xs', cell: (c) => when(c.finishedAt) },
          { key: 'attempts', header: t('attempts'), figure: true, cell: (c) => c.attempts },
          { key: 'result', header: t('result'), cellClassName: 'max-w-xs truncate text-xs', cell: (c) => (c.result ? String((c.result as { result?: unknown }).result ?? '') : '—') },
        ]}
      />
    </>
  );
}
