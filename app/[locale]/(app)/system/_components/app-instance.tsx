import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/list/data-table';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { SYSTEM_THRESHOLDS } from '@/lib/domain/system/thresholds';
import { formatBytes, formatDateTime, formatNumber, formatPercent, MISSING } from '@/lib/format';
import type { InstanceMetrics, RouteStats } from '@/lib/observability/metrics';

/** This app instance since it started: memory, cache hit rates and the API routes' latency and errors. */
export async function AppInstance({ instance, locale }: { instance: InstanceMetrics; locale: string }) {
  const t = await getTranslations('System.app');
  const ms = (v: number | null) => (v === null ? MISSING : t('ms', { ms: formatNumber(v, locale, { digits: v < 10 ? 1 : 0 }) }));
  const bad = (r: RouteStats) => r.errorRate !== null && r.requests >= SYSTEM_THRESHOLDS.routeMinRequests && r.errorRate >= SYSTEM_THRESHOLDS.routeErrorRateWarn;
  const routes = instance.routes.slice(0, 25);
  return (
    <Card title={t('title')} className="mt-4">
      <p className="mb-3 text-sm text-muted">{t('hint', { at: formatDateTime(instance.startedAt, locale, 'UTC', { zone: true }) })}</p>
      <dl className="mb-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-muted">{t('rss')}</dt>
          <dd className="tabular-nums">{formatBytes(instance.memory.rssBytes, locale)}</dd>
        </div>
        <div>
          <dt className="text-muted">{t('heap')}</dt>
          <dd className="tabular-nums">{t('heapOf', { used: formatBytes(instance.memory.heapUsedBytes, locale), total: formatBytes(instance.memory.heapTotalBytes, locale) })}</dd>
        </div>
        {instance.caches.length === 0 ? (
          <div>
            <dt className="text-muted">{t('cache')}</dt>
            <dd>{t('cacheUnused')}</dd>
          </div>
        ) : (
          instance.caches.map((c) => (
            <div key={c.name}>
              <dt className="text-muted">{t('cacheOf', { name: c.name })}</dt>
              <dd className="tabular-nums">{t('cacheRate', { rate: formatPercent(c.hitRate === null ? null : c.hitRate * 100, locale), hits: formatNumber(c.hits, locale), lookups: formatNumber(c.hits + c.misses, locale) })}</dd>
            </div>
          ))
        )}
      </dl>
      {routes.length === 0 ? (
        <EmptyState title={t('noRequests')} />
      ) : (
        <DataTable
          label={t('routes')}
          rows={routes}
          rowKey={(r) => r.route}
          columns={[
            { key: 'route', header: t('route'), cellClassName: 'font-mono text-xs break-all', cell: (r) => r.route },
            { key: 'n', header: t('requests'), figure: true, cell: (r) => formatNumber(r.requests, locale) },
            { key: 'p50', header: 'p50', figure: true, cell: (r) => ms(r.p50Ms) },
            { key: 'p95', header: 'p95', figure: true, cell: (r) => ms(r.p95Ms) },
            { key: 'err', header: t('errorRate'), figure: true, cellClassName: (r) => (bad(r) ? 'text-bad' : ''), cell: (r) => formatPercent(r.errorRate === null ? null : r.errorRate * 100, locale) },
          ]}
        />
      )}
    </Card>
  );
}
