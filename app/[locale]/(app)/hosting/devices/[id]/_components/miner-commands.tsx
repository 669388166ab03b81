import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import type { listCommands } from '@/db/queries/edge-commands';
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
        <div className="overflow-x-auto">
          <table className="w-full min-w-[420px] text-sm" aria-label={t('commandHistory', { count: commands.total })}>
            <thead>
              <tr className="text-left text-xs text-muted">
                <th className="py-1 font-normal">{te('commandType')}</th>
                <th className="py-1 font-normal">{te('status')}</th>
                <th className="py-1 font-normal">{te('created')}</th>
                <th className="py-1 font-normal">{te('finished')}</th>
              </tr>
            </thead>
            <tbody>
              {commands.rows.map((c) => (
                <tr key={c.id} className="border-t border-line">
                  <td className="py-2">{te(`type.${c.commandType}`)}</td>
                  <td className="py-2">
                    <Badge tone={TONE[c.status]}>{te(`commandStatus.${c.status}`)}</Badge>
                  </td>
                  <td className="py-2 text-xs text-muted">{when(c.createdAt)}</td>
                  <td className="py-2 text-xs text-muted">{when(c.finishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canOpenEdge && commands.total > commands.rows.length ? (
        <Link href={{ pathname: '/hosting/edge', query: { tab: 'commands' } }} className="mt-2 inline-block text-xs text-accent hover:underline">
          {t('allCommands')}
        </Link>
      ) : null}
    </Card>
  );
}
