import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import type { listDeliveries } from '@/db/queries/notifications';
import { Link } from '@/lib/i18n/navigation';

type Log = Awaited<ReturnType<typeof listDeliveries>>;
const TONE = { sent: 'ok', failed: 'bad', pending: 'warn' } as const;
const FILTERS = [undefined, 'failed', 'sent'] as const;

/** Every notification sent to this user, newest first; failures keep their last error. */
export async function DeliveryLog({ log, status }: { log: Log; status?: 'sent' | 'failed' | 'pending' }) {
  const [t, tc, format] = await Promise.all([getTranslations('Alerts'), getTranslations('Common'), getFormatter()]);
  return (
    <Card title={t('logTitle')}>
      <nav className="mb-3 flex gap-2 text-sm" aria-label={t('logFilter')}>
        {FILTERS.map((f) => (
          <Link key={f ?? 'all'} href={{ pathname: '/settings/alerts', query: f ? { status: f } : {} }} className={`rounded-md border border-line px-3 py-1 ${status === f ? 'bg-surface-2 text-ink' : 'text-muted hover:text-ink'}`} aria-current={status === f ? 'page' : undefined}>
            {f ? t(`statuses.${f}`) : tc('all')}
          </Link>
        ))}
      </nav>
      {log.rows.length === 0 ? (
        <EmptyState title={t('noDeliveries')} hint={t('noDeliveriesHint')} />
      ) : (
        <>
          <Table label={t('logTitle')}>
            <thead>
              <tr>
                <Th>{t('when')}</Th>
                <Th>{t('subject')}</Th>
                <Th>{t('channel')}</Th>
                <Th>{t('status')}</Th>
                <Th>{t('attempts')}</Th>
                <Th>{t('lastError')}</Th>
              </tr>
            </thead>
            <tbody>
              {log.rows.map((d) => (
                <tr key={d.id} data-testid="delivery">
                  <Td className="whitespace-nowrap text-xs">{format.dateTime(d.createdAt, { dateStyle: 'short', timeStyle: 'medium' })}</Td>
                  <Td className="text-xs">{d.subject}</Td>
                  <Td className="max-w-[14rem] truncate text-xs" title={d.target}>
                    {t(`channelKinds.${d.channel}`)} · {d.target}
                  </Td>
                  <Td>
                    <Badge tone={TONE[d.status]}>{t(`statuses.${d.status}`)}</Badge>
                  </Td>
                  <Td className="tabular-nums">{d.attempts}</Td>
                  <Td className="max-w-xs truncate text-xs text-bad" title={d.lastError ?? ''}>
                    {d.lastError ?? tc('none')}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination pathname="/settings/alerts" query={{ status }} page={log.page} pageCount={log.pageCount} total={log.total} />
        </>
      )}
    </Card>
  );
}
