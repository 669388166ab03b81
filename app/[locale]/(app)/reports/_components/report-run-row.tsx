import { useLocale, useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { formatBytes, formatDateTime } from '@/lib/format';

type Run = { id: string; kind: string; format: string; month: string; status: string; progress: number; error: string | null; fileName: string | null; sizeBytes: number | null; createdAt: Date };

const TONE: Record<string, BadgeTone> = { queued: 'muted', running: 'accent', done: 'ok', failed: 'bad' };
const cell = 'block px-3 py-1 md:table-cell md:py-2';

/** One run of the history: what, when, its status with a progress bar while it is built, and the file once done. */
export function ReportRunRow({ run, timeZone }: { run: Run; timeZone: string }) {
  const t = useTranslations('Reports');
  const te = useTranslations('Errors');
  const locale = useLocale();
  return (
    <tr className="block border-b border-line py-2 last:border-0 md:table-row md:py-0">
      <td className={`${cell} text-muted`}>{formatDateTime(run.createdAt, locale, timeZone)}</td>
      <td className={cell}>
        {t(`kind.${run.kind}`)} · {run.format.toUpperCase()}
      </td>
      <td className={cell}>{run.month}</td>
      <td className={cell}>
        <Badge tone={TONE[run.status] ?? 'muted'}>{t(`status.${run.status}`)}</Badge>
        {run.status === 'running' || run.status === 'queued' ? (
          <progress className="ml-2 h-2 w-24 align-middle accent-accent" max={100} value={run.progress} aria-label={t('progress', { pct: run.progress })} />
        ) : null}
        {run.status === 'failed' && run.error ? <span className="ml-2 text-xs text-bad">{te.has(run.error) ? te(run.error) : run.error}</span> : null}
      </td>
      <td className={cell}>
        {run.status === 'done' && run.fileName ? (
          <a className="text-accent underline-offset-2 hover:underline" href={`/api/reports/${run.id}`} download={run.fileName}>
            {t('download')} ({formatBytes(run.sizeBytes, locale)})
          </a>
        ) : (
          <span className="text-muted">—</span>
        )}
      </td>
    </tr>
  );
}
