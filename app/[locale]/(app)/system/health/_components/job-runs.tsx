import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, Td, Th } from '@/components/ui/table';
import type { JobRunSummary } from '@/db/queries/system/job-runs';
import { formatDateTime, formatDuration, formatNumber, MISSING } from '@/lib/format';

type Props = { runner: 'embedded' | 'inngest' | 'off'; runs: JobRunSummary[]; locale: string; showErrors: boolean };

/** The scheduled jobs: who runs them, and each function's last run as the embedded scheduler logged it. */
export async function JobRuns({ runner, runs, locale, showErrors }: Props) {
  const t = await getTranslations('Health.jobs');
  const tone = { ok: 'text-ok', failed: 'text-bad', running: 'text-warn' } as Record<string, string>;
  return (
    <Card title={t('title')} className="mt-4">
      <p className="mb-3 text-sm text-muted">{t(`runner.${runner}`)}</p>
      {runs.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <Table label={t('title')}>
          <thead>
            <tr>
              <Th>{t('function')}</Th>
              <Th>{t('trigger')}</Th>
              <Th>{t('lastStarted')}</Th>
              <Th>{t('took')}</Th>
              <Th>{t('outcome')}</Th>
              <Th className="text-right">{t('runs24h')}</Th>
              <Th className="text-right">{t('failed24h')}</Th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.functionId}>
                <Td className="font-mono text-xs">{r.functionId}</Td>
                <Td className="font-mono text-xs">{r.trigger}</Td>
                <Td>{formatDateTime(r.startedAt, locale, 'UTC', { seconds: true, zone: true })}</Td>
                <Td>{r.finishedAt ? formatDuration(Math.max(0, Math.round((r.finishedAt.getTime() - r.startedAt.getTime()) / 1000)), locale) : MISSING}</Td>
                <Td>
                  <span className={tone[r.outcome] ?? ''}>{t(`outcomes.${r.outcome === 'ok' || r.outcome === 'failed' ? r.outcome : 'running'}`)}</span>
                  {showErrors && r.error ? <div className="mt-1 max-w-md break-words text-xs text-muted">{r.error}</div> : null}
                </Td>
                <Td className="text-right tabular-nums">{formatNumber(r.runs24h, locale)}</Td>
                <Td className={`text-right tabular-nums ${r.failed24h ? 'text-bad' : ''}`}>{formatNumber(r.failed24h, locale)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
