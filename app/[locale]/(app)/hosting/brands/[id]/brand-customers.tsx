import { getTranslations } from 'next-intl/server';
import { CustomerBrandButton } from '@/components/brands/customer-brand-button';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input } from '@/components/ui/field';
import { Pagination } from '@/components/ui/pagination';
import type { listBrandCustomerCandidates } from '@/db/queries/brands';

/** The customers the admin may assign, this brand's first; a search form and server-side pages keep it usable at any size. */
export async function BrandCustomers({ brandId, q, list }: { brandId: string; q: string | undefined; list: Awaited<ReturnType<typeof listBrandCustomerCandidates>> }) {
  const t = await getTranslations('Brands');
  return (
    <Card title={t('customersTitle')} className="mt-8 max-w-3xl">
      <form className="mb-3 flex gap-2" role="search">
        <Input name="q" defaultValue={q ?? ''} placeholder={t('searchCustomers')} aria-label={t('searchCustomers')} maxLength={100} />
        <button type="submit" className={buttonClass('secondary')}>
          {t('search')}
        </button>
      </form>
      {list.total === 0 ? (
        <p className="text-sm text-muted">{t('noCustomers')}</p>
      ) : (
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
      )}
      <Pagination pathname={`/hosting/brands/${brandId}`} query={{ q }} page={list.page} pageCount={list.pageCount} total={list.total} />
    </Card>
  );
}
