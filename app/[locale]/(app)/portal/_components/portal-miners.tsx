import { getLocale, getTranslations } from 'next-intl/server';
import { Badge, MINER_STATUS_TONE } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import type { listMiners } from '@/db/queries/miners';
import { formatHashrate, formatPower } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';

/** The customer's miners, a server-side page at a time: a table on desktop, cards on a phone. */
export async function PortalMiners({ list }: { list: Awaited<ReturnType<typeof listMiners>> }) {
  const [t, tStatus, locale] = await Promise.all([getTranslations('Portal'), getTranslations('Status'), getLocale()]);
  const ths = (m: (typeof list.rows)[number]) => formatHashrate(Number(m.hashrateThs) * m.quantity, locale);
  if (list.total === 0) {
    return (
      <Card title={t('fleet')} className="mt-6">
        <EmptyState title={t('noMiners')} hint={t('noMinersHint')} />
      </Card>
    );
  }
  return (
    <Card title={t('fleet')} className="mt-6">
      <div className="hidden md:block">
        <Table label={t('fleet')}>
          <thead>
            <tr>
              <Th>{t('name')}</Th>
              <Th>{t('status')}</Th>
              <Th>{t('model')}</Th>
              <Th>{t('site')}</Th>
              <Th className="text-right">{t('hashrate')}</Th>
              <Th className="text-right">{t('power')}</Th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((m) => (
              <tr key={m.id}>
                <Td>
                  <Link href={`/hosting/devices/${m.id}`} className="font-mono text-accent hover:underline">
                    {m.name}
                  </Link>
                </Td>
                <Td>
                  <Badge tone={MINER_STATUS_TONE[m.status]}>{tStatus(m.status)}</Badge>
                </Td>
                <Td>{m.modelName}</Td>
                <Td>{m.siteName}</Td>
                <Td className="text-right tabular-nums">{ths(m)}</Td>
                <Td className="text-right tabular-nums">{formatPower(m.powerW * m.quantity, locale)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <ul className="flex flex-col gap-2 md:hidden" aria-label={t('fleet')}>
        {list.rows.map((m) => (
          <li key={m.id}>
            <Link href={`/hosting/devices/${m.id}`} className="block rounded-lg border border-line bg-bg p-3 active:bg-surface-2">
              <div className="flex items-center justify-between gap-2">
                <span className="truncate font-mono text-sm text-accent">{m.name}</span>
                <Badge tone={MINER_STATUS_TONE[m.status]}>{tStatus(m.status)}</Badge>
              </div>
              <div className="mt-1 flex justify-between gap-2 text-xs text-muted">
                <span className="truncate">
                  {m.modelName} · {m.siteName}
                </span>
                <span className="shrink-0 tabular-nums">{ths(m)}</span>
              </div>
            </Link>
          </li>
        ))}
      </ul>
      <Pagination pathname="/portal" query={{}} page={list.page} pageCount={list.pageCount} total={list.total} />
    </Card>
  );
}
