import type { SystemFindingKind } from '@/lib/domain/system/thresholds';
import { formatDateTime, formatNumber } from '@/lib/format';
import { notificationText } from '@/lib/i18n/notification-text';

/** A system health finding in its recipient's language (Notifications.systemAlert.<kind>), times in UTC as the jobs' schedules are. */
export function systemAlertMessage(input: { locale: string; appName: string; kind: SystemFindingKind; subject: string; severity: string; detail: Record<string, string | number | null> }): { subject: string; text: string } {
  const { locale, t } = notificationText(input.locale);
  const d = input.detail;
  const n = (v: string | number | null | undefined) => formatNumber(typeof v === 'number' ? v : null, locale);
  const base = { app: input.appName, subject: input.subject, severity: t(`systemAlert.severity.${input.severity === 'critical' ? 'critical' : 'warning'}`) };
  const line = (() => {
    switch (input.kind) {
      case 'db_latency':
        return t('systemAlert.db_latency', { ...base, latency: n(d.latencyMs), threshold: n(d.thresholdMs) });
      case 'db_connections':
        return t('systemAlert.db_connections', { ...base, connections: n(d.connections), max: n(d.max) });
      case 'job_late':
        return t('systemAlert.job_late', { ...base, due: formatDateTime(typeof d.dueTick === 'string' ? d.dueTick : null, locale, 'UTC', { zone: true }), minutes: n(d.overdueMin) });
      case 'job_failed':
        return t('systemAlert.job_failed', base);
      case 'integration_errors':
        return t('systemAlert.integration_errors', { ...base, pct: n(d.errorPct), calls: n(d.calls) });
      case 'collector_silent':
        return t('systemAlert.collector_silent', { ...base, name: String(d.name ?? ''), minutes: n(d.silentMin) });
      case 'collector_buffer':
        return t('systemAlert.collector_buffer', { ...base, name: String(d.name ?? ''), depth: n(d.bufferDepth) });
      case 'memory':
        return t('systemAlert.memory', { ...base, mb: n(d.rssMb) });
      case 'route_errors':
        return t('systemAlert.route_errors', { ...base, pct: n(d.errorPct), requests: n(d.requests) });
    }
  })();
  return { subject: line, text: [line, '', t('systemAlert.footer', { app: input.appName })].join('\n') };
}
