import { getTranslations } from 'next-intl/server';
import { CustomerBrandButton } from '@/components/brands/customer-brand-button';
import { FilterBar } from '@/components/list/filter-bar';
import { FilterSearch } from '@/components/list/filters';
import { ListFrame } from '@/components/list/list-frame';
import type { ListQuery } from '@/components/list/list-href';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { listBrandCustomerCandidates } from '@/db/queries/hosting/brands';

/** The customers the admin may assign, this brand's first; a search form and server-side pages keep it usable at any size. */
export async function BrandCustomers({ brandId, query, list }: { brandId: string; query: ListQuery; list: Awaited<ReturnType<typeof listBrandCustomerCandidates>> }) {
  const t = await getTranslations('Brands');
  return (
    <Card title={t('customersTitle')} className="mt-8 max-w-3xl">
      <FilterBar label={t('customersTitle')} query={query} submitLabel={t('search')}>
        <FilterSearch label={t('searchCustomers')} value={query.q} placeholder={t('searchCustomers')} />
      </FilterBar>
      <ListFrame pathname={`/hosting/brands/${brandId}`} query={query} page={list} empty={{ title: t('noCustomers') }}>
        <ul className="flex flex-col divide-y divide-line">
          {list.rows.map((c) => (
            <li key={c.id} className="flex items-center justify-between gap-3 py-2">
              <div className="min-w-0">
                <div className="truncate text-sm">{c.name}</div>
                <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
                  <span className="truncate">{c.email ?? '—'}</span>
                  {c.brandId === brandId ? <Badge tone="accent">{t('inThisBrand')}</Badge> : c.brandName ? <Badge>{c.brandName}</Badge> : null}
                </div>
              </div>
              <div className="shrink-0">
                <CustomerBrandButton customerId={c.id} brandId={brandId} inBrand={c.brandId === brandId} />
              </div>
            </li>
          ))}
        </ul>
      </ListFrame>
    </Card>
  );
}
