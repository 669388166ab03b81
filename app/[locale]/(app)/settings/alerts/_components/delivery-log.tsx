import { getFormatter, getTranslations } from 'next-intl/server';
import type { ListQuery } from '@/components/list/list-href';
import { ListTable } from '@/components/list/list-table';
import { StatusTabs } from '@/components/list/status-tabs';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { listDeliveries } from '@/db/queries/alerts/notifications';

type Log = Awaited<ReturnType<typeof listDeliveries>>;
const TONE = { sent: 'ok', failed: 'bad', pending: 'warn' } as const;
const pathname = '/settings/alerts';

/** Every notification sent to this user, newest first; failures keep their last error. */
export async function DeliveryLog({ log, status, query }: { log: Log; status?: 'sent' | 'failed' | 'pending'; query: ListQuery }) {
  const [t, tc, format] = await Promise.all([getTranslations('Alerts'), getTranslations('Common'), getFormatter()]);
  const tabs = [{ value: '', label: tc('all') }, ...(['failed', 'sent'] as const).map((s) => ({ value: s, label: t(`statuses.${s}`) }))];
  return (
    <Card title={t('logTitle')}>
      <StatusTabs pathname={pathname} query={query} param="status" value={status ?? ''} tabs={tabs} label={t('logFilter')} />
      <ListTable
        pathname={pathname}
        query={query}
        page={log}
        empty={{ title: t('noDeliveries'), hint: t('noDeliveriesHint') }}
        label={t('logTitle')}
        rowKey={(d) => String(d.id)}
        rowProps={() => ({ 'data-testid': 'delivery' })}
        columns={[
          { key: 'when', header: t('when'), cellClassName: 'whitespace-nowrap text-xs', cell: (d) => format.dateTime(d.createdAt, { dateStyle: 'short', timeStyle: 'medium' }) },
          { key: 'subject', header: t('subject'), cellClassName: 'text-xs', cell: (d) => d.subject },
          {
            key: 'channel',
            header: t('channel'),
            cellClassName: 'max-w-[14rem] truncate text-xs',
            cell: (d) => (
              <span title={d.target}>
                {t(`channelKinds.${d.channel}`)} · {d.target}
              </span>
            ),
          },
          { key: 'status', header: t('status'), cell: (d) => <Badge tone={TONE[d.status]}>{t(`statuses.${d.status}`)}</Badge> },
          { key: 'attempts', header: t('attempts'), cellClassName: 'tabular-nums', cell: (d) => d.attempts },
          { key: 'error', header: t('lastError'), cellClassName: 'max-w-xs truncate text-xs text-bad', cell: (d) => <span title={d.lastError ?? ''}>{d.lastError ?? tc('none')}</span> },
        ]}
      />
    </Card>
  );
}
