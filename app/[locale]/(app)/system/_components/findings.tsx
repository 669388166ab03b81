import { getTranslations } from 'next-intl/server';
import { ListTable } from '@/components/list/list-table';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { Page } from '@/db/queries/pagination';
import type { SystemAlertRow } from '@/db/queries/system/alerts';
import { formatDateTime, formatNumber } from '@/lib/format';
import type { ListQuery } from '@/components/list/list-href';

/** The health check's findings (once per kind, subject and day), newest first. */
export async function Findings({ page, query, locale }: { page: Page<SystemAlertRow>; query: ListQuery; locale: string }) {
  const t = await getTranslations('System.findings');
  const n = (v: string | number | null | undefined) => formatNumber(typeof v === 'number' ? v : null, locale);
  const text = (a: SystemAlertRow) => {
    const d = a.detail;
    switch (a.kind) {
      case 'db_latency':
        return t('detail.db_latency', { latency: n(d.latencyMs), threshold: n(d.thresholdMs) });
      case 'db_connections':
        return t('detail.db_connections', { connections: n(d.connections), max: n(d.max) });
      case 'job_late':
        return t('detail.job_late', { subject: a.subject, due: formatDateTime(typeof d.dueTick === 'string' ? d.dueTick : null, locale, 'UTC', { zone: true }), minutes: n(d.overdueMin) });
      case 'job_failed':
        return t('detail.job_failed', { subject: a.subject });
      case 'integration_errors':
        return t('detail.integration_errors', { subject: a.subject, pct: n(d.errorPct), calls: n(d.calls) });
      case 'collector_silent':
        return t('detail.collector_silent', { name: String(d.name ?? ''), minutes: n(d.silentMin) });
      case 'collector_buffer':
        return t('detail.collector_buffer', { name: String(d.name ?? ''), depth: n(d.bufferDepth) });
      case 'memory':
        return t('detail.memory', { mb: n(d.rssMb) });
      case 'route_errors':
        return t('detail.route_errors', { subject: a.subject, pct: n(d.errorPct), requests: n(d.requests) });
      default:
        return a.subject;
    }
  };
  const badge = (a: SystemAlertRow) => <Badge tone={a.severity === 'critical' ? 'bad' : 'warn'}>{t(`severity.${a.severity === 'critical' ? 'critical' : 'warning'}`)}</Badge>;
  return (
    <Card title={t('title')} className="mt-4">
      <ListTable
        pathname="/system"
        query={query}
        page={page}
        label={t('title')}
        empty={{ title: t('empty'), hint: t('emptyHint') }}
        rowKey={(a) => a.id}
        card={(a) => (
          <div className="flex flex-col gap-1 rounded-lg border border-line bg-surface p-3 text-sm">
            <div>{badge(a)}</div>
            <span>{text(a)}</span>
            <span className="text-xs text-muted">{formatDateTime(a.raisedAt, locale, 'UTC', { zone: true })}</span>
          </div>
        )}
        columns={[
          { key: 'severity', header: t('severityHeader'), cell: badge },
          { key: 'detail', header: t('what'), cell: text },
          { key: 'raised', header: t('raised'), cellClassName: 'text-xs whitespace-nowrap', cell: (a) => formatDateTime(a.raisedAt, locale, 'UTC', { zone: true }) },
        ]}
      />
    </Card>
  );
}
