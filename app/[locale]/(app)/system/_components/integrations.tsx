import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/list/data-table';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import type { IntegrationStats } from '@/db/queries/system/monitoring';
import { SYSTEM_THRESHOLDS } from '@/lib/domain/system/thresholds';
import { formatDateTime, formatNumber, formatPercent, MISSING } from '@/lib/format';
import type { ExternalStats } from '@/lib/observability/metrics';

/**
 * Outside services by host: the installation's last 24 hours from the hourly table (every
 * instance's calls), and this instance's p50/p95 over its recent calls beside them.
 */
export async function Integrations({ rows, instance, locale }: { rows: IntegrationStats[]; instance: ExternalStats[]; locale: string }) {
  const t = await getTranslations('System.integrations');
  const mine = new Map(instance.map((e) => [e.integration, e]));
  const ms = (v: number | null | undefined) => (v === null || v === undefined ? MISSING : t('ms', { ms: formatNumber(v, locale) }));
  const bad = (r: IntegrationStats) => r.errorRate24h !== null && r.calls24h >= SYSTEM_THRESHOLDS.integrationMinCalls && r.errorRate24h >= SYSTEM_THRESHOLDS.integrationErrorRateWarn;
  return (
    <Card title={t('title')} className="mt-4">
      <p className="mb-3 text-sm text-muted">{t('hint', { pct: SYSTEM_THRESHOLDS.integrationErrorRateWarn * 100, calls: SYSTEM_THRESHOLDS.integrationMinCalls })}</p>
      {rows.length === 0 ? (
        <EmptyState title={t('empty')} hint={t('emptyHint')} />
      ) : (
        <DataTable
          label={t('title')}
          rows={rows}
          rowKey={(r) => r.integration}
          card={(r) => (
            <div className="flex flex-col gap-1 rounded-lg border border-line bg-surface p-3 text-sm">
              <span className="font-mono text-xs">{r.integration}</span>
              <span className={`text-xs ${bad(r) ? 'text-bad' : 'text-muted'}`}>{t('cardLine', { calls: formatNumber(r.calls24h, locale), rate: formatPercent(r.errorRate24h === null ? null : r.errorRate24h * 100, locale) })}</span>
              <span className="text-xs text-muted">{t('lastOk')}: {formatDateTime(r.lastOkAt, locale, 'UTC', { zone: true })}</span>
            </div>
          )}
          columns={[
            { key: 'name', header: t('service'), cellClassName: 'font-mono text-xs', cell: (r) => r.integration },
            { key: 'calls', header: t('calls24h'), figure: true, cell: (r) => formatNumber(r.calls24h, locale) },
            { key: 'errors', header: t('errorRate24h'), figure: true, cellClassName: (r) => (bad(r) ? 'text-bad' : ''), cell: (r) => formatPercent(r.errorRate24h === null ? null : r.errorRate24h * 100, locale) },
            { key: 'mean', header: t('mean24h'), figure: true, cell: (r) => ms(r.meanMs24h) },
            { key: 'max', header: t('max24h'), figure: true, cell: (r) => ms(r.maxMs24h) },
            { key: 'p95', header: t('p95Instance'), figure: true, cell: (r) => ms(mine.get(r.integration)?.p95Ms) },
            { key: 'ok', header: t('lastOk'), cellClassName: 'text-xs whitespace-nowrap', cell: (r) => formatDateTime(r.lastOkAt, locale, 'UTC', { zone: true }) },
            { key: 'err', header: t('lastError'), cellClassName: 'text-xs', cell: (r) => (r.lastErrorAt ? `${formatDateTime(r.lastErrorAt, locale, 'UTC', { zone: true })} · ${r.lastError ?? ''}` : MISSING) },
          ]}
        />
      )}
    </Card>
  );
}
