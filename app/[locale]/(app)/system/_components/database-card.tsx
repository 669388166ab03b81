import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import type { DatabaseStats } from '@/db/queries/system/monitoring';
import { formatBytes, formatNumber, MISSING } from '@/lib/format';

/** The database: round trip, connections against the limit, size, and its largest tables as bars. */
export async function DatabaseCard({ db, locale }: { db: DatabaseStats; locale: string }) {
  const t = await getTranslations('System.database');
  const largest = Math.max(1, ...db.tables.map((x) => x.bytes));
  return (
    <Card title={t('title')} className="mt-4">
      <dl className="mb-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-muted">{t('latency')}</dt>
          <dd className="tabular-nums">{t('ms', { ms: formatNumber(db.latencyMs, locale, { digits: 1 }) })}</dd>
        </div>
        <div>
          <dt className="text-muted">{t('connections')}</dt>
          <dd className="tabular-nums">{db.connections === null ? MISSING : db.maxConnections ? t('ofMax', { n: formatNumber(db.connections, locale), max: formatNumber(db.maxConnections, locale) }) : formatNumber(db.connections, locale)}</dd>
        </div>
        <div>
          <dt className="text-muted">{t('size')}</dt>
          <dd className="tabular-nums">{formatBytes(db.sizeBytes, locale)}</dd>
        </div>
      </dl>
      <h3 className="mb-2 text-xs uppercase tracking-wide text-muted">{t('largest')}</h3>
      <ul className="flex flex-col gap-1.5" aria-label={t('largest')}>
        {db.tables.map((x) => (
          <li key={x.table} className="grid grid-cols-[minmax(0,10rem)_1fr_auto] items-center gap-2 text-xs">
            <span className="truncate font-mono" title={x.table}>{x.table}</span>
            <span className="h-2 rounded bg-surface-2" aria-hidden>
              <span className="block h-2 rounded bg-accent" style={{ width: `${Math.max(1, (x.bytes / largest) * 100)}%` }} />
            </span>
            <span className="tabular-nums text-muted">{formatBytes(x.bytes, locale)}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
