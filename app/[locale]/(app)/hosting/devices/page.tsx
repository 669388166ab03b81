import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ListFrame } from '@/components/list/list-frame';
import { StatusTabs } from '@/components/list/status-tabs';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listAssignableCustomers, listMinerCustomerOptions, listMinerModels, listMiners } from '@/db/queries/hosting/miners';
import { listSiteOptions } from '@/db/queries/hosting/sites';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { parseListPage, type SearchParams } from '@/lib/list/parse-list-page';
import { OPERATIONAL_STATES } from '@/lib/domain/telemetry/operational-state';
import { minerListPageSchema } from '@/lib/validation/hosting';
import { BulkBar, type BulkPermissions } from './_components/bulk-bar';
import { PageCheck, SelectionProvider } from './_components/bulk-selection';
import { ExportLinks } from './_components/export-links';
import { MinerFilters } from './_components/miner-filters';
import { MinerTable } from './_components/miner-table';

export const generateMetadata = pageTitle('miners');

const pathname = '/hosting/devices';

export default async function MinersPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'hosting:status_monitor');
  const { params: q, query, invalid } = parseListPage(minerListPageSchema, await searchParams);
  const db = await getDb();
  const { page: pageNo, pageSize, sort, dir, ...filter } = q;
  const canCreate = can(actor.role, 'hosting:batch_create', 'FULL');
  const bulk: BulkPermissions = {
    command: can(actor.role, 'remote:execute', 'FULL'),
    move: canCreate,
    status: can(actor.role, 'hosting:status_monitor', 'FULL'),
    ticket: can(actor.role, 'hosting:ticket', 'FULL'),
  };
  const selectable = Object.values(bulk).some(Boolean);
  const [page, siteOptions, customerOptions, models, assignable, t, tm] = await Promise.all([
    listMiners(db, actor.scope, filter, { page: pageNo, pageSize, sort, dir }),
    listSiteOptions(db, actor.scope),
    listMinerCustomerOptions(db, actor.scope),
    listMinerModels(db, actor.scope),
    bulk.move ? listAssignableCustomers(db, actor.scope) : [],
    getTranslations('Miners'),
    getTranslations('Measured'),
  ]);
  // Tabs by what the miners are doing (measured); the status people set is a filter beside them.
  const stateTotal = OPERATIONAL_STATES.reduce((n, s) => n + page.stateCounts[s], 0);
  const tabs = [{ value: '', label: t('allStatuses'), count: stateTotal }, ...OPERATIONAL_STATES.map((s) => ({ value: s, label: tm(`state.${s}`), count: page.stateCounts[s] }))];

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
      <MinerFilters sites={siteOptions} customers={customerOptions} models={models.filter((m) => m.miners > 0)} query={query} invalid={invalid} />
      <StatusTabs pathname={pathname} query={query} param="state" value={filter.state ?? ''} tabs={tabs} label={t('stateTabs')} />
      <SelectionProvider pageIds={page.rows.map((m) => m.id)} total={page.total} resetKey={JSON.stringify([query, pageNo])}>
        <ExportLinks query={query} total={page.total} />
        {selectable && page.rows.length ? (
          <div className="md:hidden">
            <PageCheck labelled />
          </div>
        ) : null}
        {selectable ? <BulkBar query={query} permissions={bulk} sites={siteOptions} customers={assignable} /> : null}
        <ListFrame pathname={pathname} query={query} page={page} empty={{ title: t('empty'), hint: t('emptyHint') }}>
          <MinerTable rows={page.rows} sort={{ pathname, query, sort, dir }} selectable={selectable} />
        </ListFrame>
      </SelectionProvider>
    </>
  );
}
