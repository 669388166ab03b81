import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { getDb } from '@/db';
import { listMinerCustomerOptions, listMinerModels, listMiners } from '@/db/queries/miners';
import { listSiteOptions } from '@/db/queries/sites';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { Link } from '@/lib/i18n/navigation';
import { parseMinerListPage } from '@/lib/validation/hosting';
import { MinerFilters } from './_components/miner-filters';
import { MinerTable } from './_components/miner-table';
import { clean } from './_components/sort-header';
import { StatusTabs } from './_components/status-tabs';

export const metadata: Metadata = { title: 'Miners' };

export default async function MinersPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'hosting:status_monitor');
  const raw = await searchParams;
  const { query, invalid } = parseMinerListPage(raw);
  const db = await getDb();
  const { page: pageNo, pageSize, sort, dir, include_metrics: _metrics, ...filter } = query;
  const [page, siteOptions, customerOptions, models, t] = await Promise.all([
    listMiners(db, actor.scope, filter, { page: pageNo, pageSize, sort, dir }),
    listSiteOptions(db, actor.scope),
    listMinerCustomerOptions(db, actor.scope),
    listMinerModels(db, actor.scope),
    getTranslations('Miners'),
  ]);
  const ipText = typeof raw.ip === 'string' && !invalid.includes('ip') ? raw.ip : '';
  const current = { q: query.q ?? '', siteId: query.siteId ?? '', customerId: query.customerId ?? '', modelId: query.modelId ? String(query.modelId) : '', status: query.status ?? '', ip: ipText, sort, dir };
  const urlQuery = clean({ ...current, pageSize: String(pageSize) });
  const canCreate = can(actor.role, 'hosting:batch_create', 'FULL');

  return (
    <>
      <PageHeader
        title={t('title')}
        actions={
          canCreate ? (
            <div className="flex gap-2">
              <Link href="/hosting/devices/new" className={buttonClass('secondary')}>
                {t('addOne')}
              </Link>
              <Link href="/hosting/devices/import" className={buttonClass('primary')}>
                {t('import')}
              </Link>
            </div>
          ) : null
        }
      />
      <MinerFilters sites={siteOptions} customers={customerOptions} models={models.filter((m) => m.miners > 0)} current={current} invalid={invalid} />
      <StatusTabs counts={page.counts} query={urlQuery} />
      {page.rows.length === 0 ? (
        <EmptyState title={t('empty')} hint={t('emptyHint')} />
      ) : (
        <>
          <MinerTable rows={page.rows} query={urlQuery} />
          <Pagination pathname="/hosting/devices" query={urlQuery} page={page.page} pageCount={page.pageCount} total={page.total} />
        </>
      )}
    </>
  );
}
