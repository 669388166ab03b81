import { getFormatter, getTranslations } from 'next-intl/server';
import { QueueCommandForm } from '@/components/edge/queue-command-form';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { commandTargetOptions, listCommands } from '@/db/queries/edge-commands';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';

const TONE: Record<string, BadgeTone> = { QUEUED: 'muted', LEASED: 'accent', SUCCEEDED: 'ok', FAILED: 'bad', EXPIRED: 'warn' };

export async function CommandsTab({ actor, page }: { actor: Actor; page: number }) {
  const db = await getDb();
  const canQueue = can(actor.role, 'remote:execute', 'FULL');
  const [commands, targets, t, format] = await Promise.all([
    listCommands(db, actor.scope, {}, { page, pageSize: 25 }),
    canQueue ? commandTargetOptions(db, actor.scope) : Promise.resolve([]),
    getTranslations('Edge'),
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
      {commands.total === 0 ? (
        <EmptyState title={t('noCommands')} />
      ) : (
        <>
          <Table label={t('tab.commands')}>
            <thead>
              <tr>
                <Th>{t('miner')}</Th>
                <Th>{t('commandType')}</Th>
                <Th>{t('status')}</Th>
                <Th>{t('created')}</Th>
                <Th>{t('finished')}</Th>
                <Th className="text-right">{t('attempts')}</Th>
                <Th>{t('result')}</Th>
              </tr>
            </thead>
            <tbody>
              {commands.rows.map((c) => (
                <tr key={c.id}>
                  <Td>{c.minerName}</Td>
                  <Td>{t(`type.${c.commandType}`)}</Td>
                  <Td>
                    <Badge tone={TONE[c.status]}>{t(`commandStatus.${c.status}`)}</Badge>
                  </Td>
                  <Td className="text-xs">{when(c.createdAt)}</Td>
                  <Td className="text-xs">{when(c.finishedAt)}</Td>
                  <Td className="text-right tabular-nums">{c.attempts}</Td>
                  <Td className="max-w-xs truncate text-xs">{c.result ? String((c.result as { result?: unknown }).result ?? '') : '—'}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination pathname="/hosting/edge" query={{ tab: 'commands' }} page={commands.page} pageCount={commands.pageCount} total={commands.total} />
        </>
      )}
    </>
  );
}
