import { useTranslations } from 'next-intl';
import { FilterBar } from '@/components/list/filter-bar';
import { type FilterOption, FilterSearch, FilterSelect, FilterText } from '@/components/list/filters';
import type { ListQuery } from '@/components/list/list-href';
import { MINER_STATUSES } from '@/lib/validation/hosting';

export function MinerFilters({ sites, customers, models, query, invalid }: { sites: FilterOption[]; customers: FilterOption[]; models: FilterOption[]; query: ListQuery; invalid: string[] }) {
  const t = useTranslations('Miners');
  const tc = useTranslations('Common');
  const ts = useTranslations('Status');
  return (
    <FilterBar label={t('filters')} query={query}>
      <FilterSearch label={tc('search')} value={query.q} placeholder={t('searchPlaceholder')} />
      <FilterSelect name="siteId" label={t('site')} value={query.siteId} options={sites} />
      <FilterSelect name="customerId" label={t('customer')} value={query.customerId} options={customers}>
        <option value="none">{t('houseOwned')}</option>
      </FilterSelect>
      <FilterSelect name="modelId" label={t('model')} value={query.modelId} options={models} />
      <FilterSelect name="status" label={t('status')} value={query.status} options={MINER_STATUSES.map((s) => ({ id: s, name: ts(s) }))} />
      <FilterText name="ip" label={t('ipRange')} value={query.ip ?? ''} placeholder="10.20.0.0/16" error={invalid.includes('ip') ? t('ipInvalid') : undefined} maxLength={40} />
    </FilterBar>
  );
}
