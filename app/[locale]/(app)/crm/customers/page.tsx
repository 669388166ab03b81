import { getTranslations } from 'next-intl/server';
import { CustomerDialog } from '@/components/crm/customer-form';
import { TagList } from '@/components/crm/tag-list';
import { TierBadge } from '@/components/crm/tier-badge';
import { FilterBar } from '@/components/list/filter-bar';
import { FilterCheck, FilterSearch } from '@/components/list/filters';
import { ListTable } from '@/components/list/list-table';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { syncCounts } from '@/db/queries/crm/sync-status';
import { listCrmCustomers } from '@/db/queries/crm/customers';
import { isCrmAdmin } from '@/db/queries/crm/scope';
import { staffOptions } from '@/db/queries/crm/staff';
import { hostingKpis } from '@/db/queries/hosting/fleet';
import { poolVsMiner } from '@/db/queries/pool/pool-vs-miner';
import { can } from '@/lib/auth/permissions';
import { syncStatus } from '@/lib/domain/crm/sync-health';
import { formatHashrate, formatNumber, formatPercent } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { crmCustomerListSchema } from '@/lib/validation/crm';
import { SyncHealthPanel } from './_components/sync-health-panel';

export const generateMetadata = pageTitle('customers');

/** The customers the viewer manages (every one for owners and admins), each opening its 360 page. */
export default async function CustomersPage(props: ListPageProps) {
  const { locale, actor, q, query } = await openListPage(props, 'crm:customer_view', crmCustomerListSchema);
  const db = await getDb();
  const now = new Date();
  const canWrite = can(actor.role, 'crm:customer_management', 'FULL');
  const admin = isCrmAdmin(actor);
  // Per customer, as on the KPI page: measured hashrate, and the pool against the customer's miners.
  const [page, kpis, pool, staff, sync, t, tc, tc2, tFleet, tKpi, tPool] = await Promise.all([
    listCrmCustomers(db, actor, { q: q.q, mine: q.mine }, q),
    hostingKpis(db, actor.scope, { hostCosts: false }, now),
    poolVsMiner(db, actor.scope, now),
    canWrite && admin ? staffOptions(db, actor.orgId) : Promise.resolve(null),
    syncCounts(db, actor, now),
    getTranslations('Customers'),
    getTranslations('Common'),
    getTranslations('Crm.customer'),
    getTranslations('Fleet'),
    getTranslations('HostingKpi'),
    getTranslations('PoolVsMiner'),
  ]);
  const hashrate = new Map(kpis.filter((r) => r.dim === 'customer').map((r) => [r.key, r.activeThs]));
  const luck = new Map(pool.filter((r) => r.dim === 'customer').map((r) => [r.key, r.luckPct]));
  return (
    <>
      <PageHeader title={t('title')} subtitle={admin ? undefined : tc2('managedOnly')} actions={canWrite ? <CustomerDialog staff={staff} /> : null} />
      <SyncHealthPanel counts={sync} status={syncStatus(sync, now)} locale={locale} canSync={canWrite} />
      <FilterBar label={t('title')} query={query} submitLabel={tc('search')}>
        <FilterSearch label={tc('search')} value={q.q} placeholder={t('searchPlaceholder')} />
        {admin ? <FilterCheck name="mine" label={tc2('mine')} checked={q.mine} /> : null}
      </FilterBar>
      <ListTable
        pathname="/crm/customers"
        query={query}
        page={page}
        empty={{ title: t('empty'), hint: canWrite ? tc2('emptyHint') : undefined }}
        label={t('title')}
        rowKey={(c) => c.id}
        columns={[
          {
            key: 'name',
            header: t('name'),
            cell: (c) => (
              <Link href={`/crm/customers/${c.id}`} className="font-medium text-accent hover:underline">
                {c.name}
              </Link>
            ),
          },
          { key: 'email', header: t('email'), className: 'hidden md:table-cell', cellClassName: 'text-xs', cell: (c) => c.email ?? '—' },
          { key: 'tier', header: t('tier'), cell: (c) => <TierBadge tier={c.tier} /> },
          { key: 'owner', header: tc2('owner'), className: 'hidden lg:table-cell', cell: (c) => c.ownerName ?? <span className="text-muted">{tc2('noOwner')}</span> },
          { key: 'tags', header: tc2('tags'), className: 'hidden lg:table-cell', cell: (c) => <TagList tags={c.tags} /> },
          { key: 'miners', header: tFleet('minersInService'), figure: true, cell: (c) => formatNumber(c.miners, locale) },
          { key: 'hashrate', header: tKpi('hashrate'), figure: true, className: 'hidden sm:table-cell', cell: (c) => formatHashrate(hashrate.get(c.id) ?? 0, locale) },
          { key: 'luck', header: tPool('luck'), figure: true, className: 'hidden sm:table-cell', cell: (c) => formatPercent(luck.get(c.id) ?? null, locale, { signed: true }) },
        ]}
      />
    </>
  );
}
