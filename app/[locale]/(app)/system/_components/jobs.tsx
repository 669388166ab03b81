import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/list/data-table';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { JobHealth } from '@/lib/system/job-health';
import { formatDateTime, formatDuration, formatNumber, MISSING } from '@/lib/format';
import type { JobRow } from '@/lib/system/monitoring';

const TONE: Record<JobHealth['state'], BadgeTone> = { ok: 'ok', late: 'warn', never: 'warn', waiting: 'muted', failed: 'bad', running: 'accent', event: 'muted' };

/** Every function: its schedule, last run, run time, start lag against its tick and its state. */
export async function Jobs({ jobs, runner, locale, showErrors }: { jobs: JobRow[]; runner: 'embedded' | 'inngest' | 'off'; locale: string; showErrors: boolean }) {
  const t = await getTranslations('System.jobs');
  const seconds = (ms: number | null) => (ms === null ? MISSING : ms < 1000 ? t('ms', { ms: formatNumber(ms, locale) }) : formatDuration(Math.round(ms / 1000), locale));
  const state = (j: JobRow) => (
    <div>
      <Badge tone={TONE[j.health.state]}>{t(`state.${j.health.state}`)}</Badge>
      {j.health.overdueMs !== null ? <div className="mt-1 text-xs text-warn">{t('overdue', { by: formatDuration(Math.round(j.health.overdueMs / 1000), locale) })}</div> : null}
      {showErrors && j.run?.error ? <div className="mt-1 max-w-md break-words text-xs text-muted">{j.run.error}</div> : null}
    </div>
  );
  const schedule = (j: JobRow) => [...j.crons, ...j.events.map((e) => t('onEvent', { event: e }))].join(' · ') || MISSING;
  return (
    <Card title={t('title')} className="mt-4">
      <p className="mb-3 text-sm text-muted">{t(`runner.${runner}`)}</p>
      <DataTable
        label={t('title')}
        rows={jobs}
        rowKey={(j) => j.id}
        card={(j) => (
          <div className="flex flex-col gap-1 rounded-lg border border-line bg-surface p-3 text-sm">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-mono text-xs">{j.id}</span>
              {state(j)}
            </div>
            <span className="font-mono text-xs text-muted">{schedule(j)}</span>
            <span className="text-xs text-muted">{t('lastRun')}: {j.run ? formatDateTime(j.run.startedAt, locale, 'UTC', { seconds: true, zone: true }) : t('never')}</span>
          </div>
        )}
        columns={[
          { key: 'id', header: t('function'), cellClassName: 'font-mono text-xs', cell: (j) => j.id },
          { key: 'schedule', header: t('schedule'), cellClassName: 'font-mono text-xs', cell: schedule },
          { key: 'last', header: t('lastRun'), cellClassName: 'text-xs whitespace-nowrap', cell: (j) => (j.run ? formatDateTime(j.run.startedAt, locale, 'UTC', { seconds: true, zone: true }) : t('never')) },
          { key: 'mean', header: t('meanDuration'), figure: true, cell: (j) => seconds(j.run?.meanDurationMs24h ?? null) },
          { key: 'lag', header: t('lag'), figure: true, cell: (j) => seconds(j.health.lagMs) },
          { key: 'state', header: t('stateHeader'), cell: state },
          { key: 'runs', header: t('runs24h'), figure: true, cell: (j) => formatNumber(j.run?.runs24h ?? 0, locale) },
          { key: 'failed', header: t('failed24h'), figure: true, cellClassName: (j) => (j.run?.failed24h ? 'text-bad' : ''), cell: (j) => formatNumber(j.run?.failed24h ?? 0, locale) },
        ]}
      />
    </Card>
  );
}
