import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Badge, MINER_STATUS_TONE } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listMiners } from '@/db/queries/miners';
import { listSiteOptions } from '@/db/queries/sites';
import { requirePage } from '@/lib/auth/guard';
import { Link } from '@/lib/i18n/navigation';
import { minerListParamsSchema } from '@/lib/validation/list-params';
import { MinerFilters } from './miner-filters';

export const metadata: Metadata = { title: 'Miners' };

export default async function MinersPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'hosting:status_monitor');
  const query = minerListParamsSchema.parse(await searchParams);
  const db = await getDb();
  const [page, siteOptions, t, tStatus] = await Promise.all([
    listMiners(db, actor.scope, { q: query.q, status: query.status, siteId: query.siteId }, query),
    listSiteOptions(db, actor.scope),
    getTranslations('Miners'),
    getTranslations('Status'),
  ]);

  return (
    <>
      <PageHeader title={t('title')} />
      <MinerFilters sites={siteOptions} current={{ q: query.q ?? '', status: query.status ?? '', siteId: query.siteId ?? '' }} />
      {page.rows.length === 0 ? (
        <EmptyState title={t('empty')} hint={t('emptyHint')} />
      ) : (
        <>
          <Table label={t('title')}>
            <thead>
              <tr>
                <Th>{t('name')}</Th>
                <Th>{t('status')}</Th>
                <Th>{t('model')}</Th>
                <Th>{t('site')}</Th>
                <Th>{t('customer')}</Th>
                <Th>{t('ip')}</Th>
                <Th className="hidden md:table-cell">{t('worker')}</Th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((m) => (
                <tr key={m.id} className="hover:bg-surface-2/60">
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
                  <Td>{m.customerName ?? <span className="text-muted">{t('houseOwned')}</span>}</Td>
                  <Td className="font-mono text-xs">{m.ipAddress ?? '—'}</Td>
                  <Td className="hidden font-mono text-xs md:table-cell">{m.workerName ?? '—'}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination pathname="/hosting/devices" query={{ q: query.q, status: query.status, siteId: query.siteId, pageSize: String(query.pageSize) }} page={page.page} pageCount={page.pageCount} total={page.total} />
        </>
      )}
    </>
  );
}
