import { getFormatter, getLocale, getNow, getTranslations } from 'next-intl/server';
import { ListTable } from '@/components/list/list-table';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db';
import { listDevices } from '@/db/queries/edge/devices';
import { listSiteOptions } from '@/db/queries/hosting/sites';
import { formatBytes, formatDuration, formatNumber } from '@/lib/format';
import { EDGE_PATH, type EdgeListProps } from './edge-list';
import { IssueTokenForm } from './issue-token-form';
import { RevokeDeviceButton } from './revoke-device-button';

/** A collector that has not uploaded for this long is shown as stale. */
const STALE_MS = 5 * 60_000;

export async function CollectorsTab({ actor, req, query }: EdgeListProps) {
  const db = await getDb();
  const [devices, sites, t, format, locale] = await Promise.all([listDevices(db, actor.scope, req), listSiteOptions(db, actor.scope), getTranslations('Edge'), getFormatter(), getLocale()]);
  const now = await getNow();
  const isStale = (lastSeenAt: Date | null) => !lastSeenAt || now.getTime() - lastSeenAt.getTime() > STALE_MS;
  return (
    <>
      <Card title={t('issueTitle')} className="mb-6">
        <IssueTokenForm sites={sites} />
      </Card>
      <ListTable
        pathname={EDGE_PATH}
        query={query}
        page={devices}
        keep={['tab']}
        empty={{ title: t('noCollectors'), hint: t('noCollectorsHint') }}
        label={t('tab.collectors')}
        rowKey={(d) => d.id}
        columns={[
          { key: 'name', header: t('collectorName'), cell: (d) => d.name },
          { key: 'site', header: t('site'), cell: (d) => d.siteName },
          { key: 'token', header: t('token'), cellClassName: 'font-mono text-xs', cell: (d) => `${d.tokenPrefix}…` },
          { key: 'lastSeen', header: t('lastSeen'), cellClassName: 'text-xs', cell: (d) => (d.lastSeenAt ? format.relativeTime(d.lastSeenAt, now) : t('never')) },
          { key: 'version', header: t('version'), cellClassName: 'text-xs', cell: (d) => d.version ?? '—' },
          { key: 'lag', header: t('lag'), figure: true, cell: (d) => formatDuration(d.lagS, locale) },
          { key: 'buffer', header: t('buffer'), figure: true, cell: (d) => formatNumber(d.bufferDepth, locale) },
          { key: 'deadLetters', header: <span title={t('deadLettersHint')}>{t('deadLetters')}</span>, figure: true, cell: (d) => <DeadLetters count={d.deadLetters} bytes={d.deadLetterBytes} locale={locale} /> },
          { key: 'status', header: t('status'), cell: (d) => (d.revokedAt ? <Badge tone="muted">{t('revokedBadge')}</Badge> : isStale(d.lastSeenAt) ? <Badge tone="warn">{t('stale')}</Badge> : <Badge tone="ok">{t('live')}</Badge>) },
          { key: 'revoke', cell: (d) => (d.revokedAt ? null : <RevokeDeviceButton id={d.id} name={d.name} />) },
        ]}
        footer={devices.rows.some((d) => (d.deadLetters ?? 0) > 0) ? <p className="mt-2 text-xs text-muted">{t('deadLettersHint')}</p> : null}
      />
    </>
  );
}

/** Envelopes the collector keeps because the cloud refused them; any is worth an operator's look. */
function DeadLetters({ count, bytes, locale }: { count: number | null; bytes: number | null; locale: string }) {
  if (!count) return formatNumber(count, locale);
  return (
    <>
      <Badge tone="warn">{formatNumber(count, locale)}</Badge>
      {bytes === null ? null : <span className="block text-xs text-muted">{formatBytes(bytes, locale)}</span>}
    </>
  );
}
