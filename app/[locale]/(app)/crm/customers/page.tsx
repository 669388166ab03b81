import { getTranslations } from 'next-intl/server';
import { FilterBar } from '@/components/list/filter-bar';
import { FilterSearch } from '@/components/list/filters';
import { ListTable } from '@/components/list/list-table';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listCustomers } from '@/db/queries/hosting/customers';
import { hostingKpis } from '@/db/queries/hosting/fleet';
import { poolVsMiner } from '@/db/queries/pool/pool-vs-miner';
import { formatHashrate, formatNumber, formatPercent } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { searchListSchema } from '@/lib/list/list-fields';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';

export const generateMetadata = pageTitle('customers');

const TIER_TONE = { STANDARD: 'muted', ENTERPRISE: 'accent', VIP: 'warn' } as const;

export default async function CustomersPage(props: ListPageProps) {
  const { locale, actor, q, query } = await openListPage(props, 'crm:customer_view', searchListSchema());
  const db = await getDb();
  const now = new Date();
  // Per customer, as on the KPI page: measured hashrate, and the pool against the customer's miners.
  const [page, kpis, pool, t, tc, tTier, tFleet, tKpi, tPool] = await Promise.all([
    listCustomers(db, actor.scope, { q: q.q }, q),
    hostingKpis(db, actor.scope, { hostCosts: false }, now),
    poolVsMiner(db, actor.scope, now),
    getTranslations('Customers'),
    getTranslations('Common'),
    getTranslations('Tier'),
    getTranslations('Fleet'),
    getTranslations('HostingKpi'),
    getTranslations('PoolVsMiner'),
  ]);
  const hashrate = new Map(kpis.filter((r) => r.dim === 'customer').map((r) => [r.key, r.activeThs]));
  const luck = new Map(pool.filter((r) => r.dim === 'customer').map((r) => [r.key, r.luckPct]));
  return (
    <>
      <PageHeader title={t('title')} />
      <FilterBar label={t('title')} query={query} submitLabel={tc('search')}>
        <FilterSearch label={tc('search')} value={q.q} placeholder={t('searchPlaceholder')} />
      </FilterBar>
      <ListTable
        pathname="/crm/customers"
        query={query}
        page={page}
        empty={{ title: t('empty') }}
        label={t('title')}
        rowKey={(c) => c.id}
        columns={[
          { key: 'name', header: t('name'), cell: (c) => c.name },
          { key: 'email', header: t('email'), cellClassName: 'text-xs', cell: (c) => c.email ?? '—' },
          { key: 'tier', header: t('tier'), cell: (c) => <Badge tone={TIER_TONE[c.tier]}>{tTier(c.tier)}</Badge> },
          { key: 'miners', header: tFleet('minersInService'), figure: true, cell: (c) => formatNumber(c.miners, locale) },
          { key: 'hashrate', header: tKpi('hashrate'), figure: true, cell: (c) => formatHashrate(hashrate.get(c.id) ?? 0, locale) },
          { key: 'luck', header: tPool('luck'), figure: true, cell: (c) => formatPercent(luck.get(c.id) ?? null, locale, { signed: true }) },
        ]}
      />
    </>
  );
}
