import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/list/data-table';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import type { CollectorStats } from '@/db/queries/system/monitoring';
import { SYSTEM_THRESHOLDS } from '@/lib/domain/system/thresholds';
import { formatDateTime, formatDuration, formatNumber, MISSING } from '@/lib/format';

/** The collectors the user may see: last upload, reported lag and buffer, and the last 15 minutes' rate. */
export async function Collectors({ collectors, locale, now }: { collectors: CollectorStats[]; locale: string; now: Date }) {
  const t = await getTranslations('System.collectors');
  const silent = (c: CollectorStats) => !c.revoked && c.lastSeenAt !== null && now.getTime() - c.lastSeenAt.getTime() >= SYSTEM_THRESHOLDS.collectorSilentWarnMs;
  const status = (c: CollectorStats) =>
    c.revoked ? <Badge>{t('revoked')}</Badge> : c.lastSeenAt === null ? <Badge>{t('neverSeen')}</Badge> : silent(c) ? <Badge tone="bad">{t('silent')}</Badge> : <Badge tone="ok">{t('reporting')}</Badge>;
  const rate = (c: CollectorStats) => (c.readingsPerMin15m === null ? t('noUploads') : t('perMin', { n: formatNumber(c.readingsPerMin15m, locale, { digits: 1 }) }));
  return (
    <Card title={t('title')} className="mt-4">
      <p className="mb-3 text-sm text-muted">{t('hint', { minutes: SYSTEM_THRESHOLDS.collectorSilentWarnMs / 60_000, buffer: formatNumber(SYSTEM_THRESHOLDS.collectorBufferWarn, locale) })}</p>
      {collectors.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <DataTable
          label={t('title')}
          rows={collectors}
          rowKey={(c) => c.deviceId}
          card={(c) => (
            <div className="flex flex-col gap-1 rounded-lg border border-line bg-surface p-3 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium">{c.name}</span>
                {status(c)}
              </div>
              <span className="text-xs text-muted">{c.site} · {rate(c)}</span>
              <span className="text-xs text-muted">{t('lastSeen')}: {formatDateTime(c.lastSeenAt, locale, 'UTC', { seconds: true, zone: true })}</span>
            </div>
          )}
          columns={[
            { key: 'name', header: t('name'), cell: (c) => c.name },
            { key: 'site', header: t('site'), cell: (c) => c.site },
            { key: 'status', header: t('status'), cell: status },
            { key: 'seen', header: t('lastSeen'), cellClassName: 'text-xs whitespace-nowrap', cell: (c) => formatDateTime(c.lastSeenAt, locale, 'UTC', { seconds: true, zone: true }) },
            { key: 'rate', header: t('rate'), figure: true, cell: rate },
            { key: 'uploads', header: t('uploads'), figure: true, cell: (c) => formatNumber(c.uploads15m, locale) },
            { key: 'lag', header: t('lag'), figure: true, cell: (c) => (c.lagS === null ? MISSING : formatDuration(c.lagS, locale)) },
            { key: 'buffer', header: t('buffer'), figure: true, cellClassName: (c) => ((c.bufferDepth ?? 0) >= SYSTEM_THRESHOLDS.collectorBufferWarn ? 'text-warn' : ''), cell: (c) => formatNumber(c.bufferDepth, locale) },
            { key: 'dead', header: t('deadLetters'), figure: true, cell: (c) => formatNumber(c.deadLetters, locale) },
            { key: 'version', header: t('version'), cellClassName: 'font-mono text-xs', cell: (c) => c.version ?? MISSING },
          ]}
        />
      )}
    </Card>
  );
}
