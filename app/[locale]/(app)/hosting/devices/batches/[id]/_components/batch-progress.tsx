'use client';

import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { DataTable } from '@/components/list/data-table';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { BatchCounts } from '@/db/queries/edge/batches';
import { formatDateTime, formatNumber } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';

type Command = { id: string; minerId: string; minerName: string; status: 'QUEUED' | 'LEASED' | 'SUCCEEDED' | 'FAILED' | 'EXPIRED'; attempts: number; finishedAt: string | null; result: unknown };
export type BatchView = {
  progress: { id: string; commandType: string; createdAt: string; matched: number; queuedAtStart: number; skipped: { minerId: string; name: string; reason: string }[]; counts: BatchCounts; done: boolean };
  commands: { rows: Command[]; total: number };
};

const TONE: Record<Command['status'], BadgeTone> = { QUEUED: 'muted', LEASED: 'accent', SUCCEEDED: 'ok', FAILED: 'bad', EXPIRED: 'warn' };
const REFRESH_MS = 2000;

/** The result a collector reported, as text (a message, or a small object). */
function resultText(result: unknown): string {
  if (result === null || result === undefined) return '';
  if (typeof result === 'object' && 'result' in result) return resultText((result as { result: unknown }).result);
  return typeof result === 'string' ? result : JSON.stringify(result);
}

export function BatchProgress({ batchId, initial }: { batchId: string; initial: BatchView }) {
  const [client] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={client}>
      <Progress batchId={batchId} initial={initial} />
    </QueryClientProvider>
  );
}

/** Polls the batch every 2 s until nothing is queued or leased any more; then it stops. */
function Progress({ batchId, initial }: { batchId: string; initial: BatchView }) {
  const t = useTranslations('Bulk');
  const te = useTranslations('Edge');
  const locale = useLocale();
  const { data, isError } = useQuery({
    queryKey: ['edge-batch', batchId],
    queryFn: async (): Promise<BatchView> => {
      const res = await fetch(`/api/hosting/edge/batches/${batchId}`, { cache: 'no-store' });
      if (!res.ok) throw new Error(String(res.status));
      return res.json();
    },
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.progress.done ? false : REFRESH_MS),
  });
  const { progress, commands } = data;
  const c = progress.counts;
  const finished = c.succeeded + c.failed + c.expired;
  const total = progress.queuedAtStart;
  const pct = total ? Math.round((finished / total) * 100) : 100;
  const tiles = [
    { key: 'queued', value: c.queued },
    { key: 'leased', value: c.leased },
    { key: 'succeeded', value: c.succeeded },
    { key: 'failed', value: c.failed + c.expired },
  ] as const;
  return (
    <div className="flex flex-col gap-4">
      <Card>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <p className="text-sm text-muted">{t('progressSummary', { queued: total, matched: progress.matched, when: formatDateTime(new Date(progress.createdAt), locale) })}</p>
          <p className="text-sm font-medium" aria-live="polite" data-testid="batch-state">
            {progress.done ? t('progressDone', { succeeded: c.succeeded, failed: c.failed + c.expired }) : t('progressRunning', { pct })}
          </p>
        </div>
        <div className="mt-3 h-2 overflow-hidden rounded bg-surface-2" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={t('progressBar')}>
          <div className="h-full bg-accent transition-all" style={{ width: `${pct}%` }} />
        </div>
        <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {tiles.map((tile) => (
            <div key={tile.key} className="rounded-md border border-line p-3" data-testid={`count-${tile.key}`}>
              <dt className="text-xs text-muted">{t(`count.${tile.key}`)}</dt>
              <dd className="text-xl font-semibold tabular-nums">{formatNumber(tile.value, locale)}</dd>
            </div>
          ))}
        </dl>
        {isError ? <p className="mt-2 text-sm text-warn">{t('refreshFailed')}</p> : null}
      </Card>
      {progress.skipped.length ? (
        <details className="rounded-md border border-line p-3 text-sm">
          <summary className="cursor-pointer">{t('skippedCount', { count: progress.matched - progress.queuedAtStart })}</summary>
          <ul className="mt-2 flex flex-col gap-1 text-xs">
            {progress.skipped.map((s) => (
              <li key={s.minerId} className="flex justify-between gap-3">
                <span className="font-mono">{s.name}</span>
                <span className="text-muted">{t(`skipReason.${s.reason}`)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <DataTable
        label={t('perMiner')}
        rows={commands.rows}
        rowKey={(r) => r.id}
        columns={[
          {
            key: 'miner',
            header: te('miner'),
            cell: (r) => (
              <Link href={`/hosting/devices/${r.minerId}`} className="font-mono text-accent hover:underline">
                {r.minerName}
              </Link>
            ),
          },
          { key: 'status', header: te('status'), cell: (r) => <Badge tone={TONE[r.status]}>{te(`commandStatus.${r.status}`)}</Badge> },
          { key: 'attempts', header: te('attempts'), figure: true, className: 'hidden sm:table-cell', cell: (r) => r.attempts },
          { key: 'finished', header: te('finished'), className: 'hidden md:table-cell', cellClassName: 'whitespace-nowrap text-xs', cell: (r) => (r.finishedAt ? formatDateTime(new Date(r.finishedAt), locale) : '—') },
          { key: 'result', header: te('result'), cellClassName: 'max-w-xs truncate text-xs text-muted', cell: (r) => resultText(r.result) || '—' },
        ]}
      />
      {commands.total > commands.rows.length ? <p className="text-xs text-muted">{t('firstRows', { shown: commands.rows.length, total: commands.total })}</p> : null}
    </div>
  );
}
