import { getFormatter, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/list/data-table';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import type { listCommands } from '@/db/queries/edge/commands';
import { Link } from '@/lib/i18n/navigation';

const TONE: Record<string, BadgeTone> = { QUEUED: 'muted', LEASED: 'accent', SUCCEEDED: 'ok', FAILED: 'bad', EXPIRED: 'warn' };

type Commands = Awaited<ReturnType<typeof listCommands>>;

/** The miner's last remote commands (newest first) with their outcome; the full log is on the edge page. */
export async function MinerCommands({ commands, canOpenEdge }: { commands: Commands; canOpenEdge: boolean }) {
  const [t, te, format] = await Promise.all([getTranslations('MinerDashboard'), getTranslations('Edge'), getFormatter()]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'short', timeStyle: 'short' }) : '—');
  return (
    <Card title={t('commandHistory', { count: commands.total })}>
      {commands.rows.length === 0 ? (
        <EmptyState title={t('noCommands')} />
      ) : (
        <DataTable
          label={t('commandHistory', { count: commands.total })}
          rows={commands.rows}
          rowKey={(c) => c.id}
          columns={[
            { key: 'type', header: te('commandType'), cell: (c) => te(`type.${c.commandType}`) },
            { key: 'status', header: te('status'), cell: (c) => <Badge tone={TONE[c.status]}>{te(`commandStatus.${c.status}`)}</Badge> },
            { key: 'created', header: te('created'), cellClassName: 'text-xs text-muted', cell: (c) => when(c.createdAt) },
            { key: 'finished', header: te('finished'), cellClassName: 'text-xs text-muted', cell: (c) => when(c.finishedAt) },
          ]}
        />
      )}
      {canOpenEdge && commands.total > commands.rows.length ? (
        <Link href={{ pathname: '/hosting/edge', query: { tab: 'commands' } }} className="mt-2 inline-block text-xs text-accent hover:underline">
          {t('allCommands')}
        </Link>
      ) : null}
    </Card>
  );
}
