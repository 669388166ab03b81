import { getFormatter, getLocale, getNow, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listDevices } from '@/db/queries/edge-devices';
import { listSiteOptions } from '@/db/queries/sites';
import type { Actor } from '@/lib/auth/actor';
import { formatBytes, formatDuration, formatNumber } from '@/lib/format';
import { IssueTokenForm } from './issue-token-form';
import { RevokeDeviceButton } from './revoke-device-button';

/** A collector that has not uploaded for this long is shown as stale. */
const STALE_MS = 5 * 60_000;

export async function CollectorsTab({ actor, page }: { actor: Actor; page: number }) {
  const db = await getDb();
  const [devices, sites, t, format, locale] = await Promise.all([listDevices(db, actor.scope, { page, pageSize: 25 }), listSiteOptions(db, actor.scope), getTranslations('Edge'), getFormatter(), getLocale()]);
  const now = await getNow();
  return (
    <>
      <Card title={t('issueTitle')} className="mb-6">
        <IssueTokenForm sites={sites} />
      </Card>
      {devices.total === 0 ? (
        <EmptyState title={t('noCollectors')} hint={t('noCollectorsHint')} />
      ) : (
        <>
          <Table label={t('tab.collectors')}>
            <thead>
              <tr>
                <Th>{t('collectorName')}</Th>
                <Th>{t('site')}</Th>
                <Th>{t('token')}</Th>
                <Th>{t('lastSeen')}</Th>
                <Th>{t('version')}</Th>
                <Th className="text-right">{t('lag')}</Th>
                <Th className="text-right">{t('buffer')}</Th>
                <Th className="text-right" title={t('deadLettersHint')}>
                  {t('deadLetters')}
                </Th>
                <Th>{t('status')}</Th>
                <Th />
              </tr>
            </thead>
            <tbody>
              {devices.rows.map((d) => {
                const stale = !d.lastSeenAt || now.getTime() - d.lastSeenAt.getTime() > STALE_MS;
                return (
                  <tr key={d.id}>
                    <Td>{d.name}</Td>
                    <Td>{d.siteName}</Td>
                    <Td className="font-mono text-xs">{d.tokenPrefix}…</Td>
                    <Td className="text-xs">{d.lastSeenAt ? format.relativeTime(d.lastSeenAt, now) : t('never')}</Td>
                    <Td className="text-xs">{d.version ?? '—'}</Td>
                    <Td className="text-right tabular-nums">{formatDuration(d.lagS, locale)}</Td>
                    <Td className="text-right tabular-nums">{formatNumber(d.bufferDepth, locale)}</Td>
                    <Td className="text-right tabular-nums">
                      <DeadLetters count={d.deadLetters} bytes={d.deadLetterBytes} locale={locale} />
                    </Td>
                    <Td>{d.revokedAt ? <Badge tone="muted">{t('revokedBadge')}</Badge> : stale ? <Badge tone="warn">{t('stale')}</Badge> : <Badge tone="ok">{t('live')}</Badge>}</Td>
                    <Td>{d.revokedAt ? null : <RevokeDeviceButton id={d.id} name={d.name} />}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          {devices.rows.some((d) => (d.deadLetters ?? 0) > 0) ? <p className="mt-2 text-xs text-muted">{t('deadLettersHint')}</p> : null}
          <Pagination pathname="/hosting/edge" query={{ tab: 'collectors' }} page={devices.page} pageCount={devices.pageCount} total={devices.total} />
        </>
      )}
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
