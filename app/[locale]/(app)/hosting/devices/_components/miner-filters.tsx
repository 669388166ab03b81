import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { MINER_STATUSES } from '@/lib/validation/hosting';

type Option = { id: string | number; name: string };
export type MinerFilterValues = { q: string; siteId: string; customerId: string; modelId: string; status: string; ip: string; sort: string; dir: string };

/** A plain GET form: filters live in the URL, so they survive reloads, sharing and a locale switch, and work without JavaScript. */
export async function MinerFilters({ sites, customers, models, current, invalid }: { sites: Option[]; customers: Option[]; models: Option[]; current: MinerFilterValues; invalid: string[] }) {
  const [t, tc, ts] = await Promise.all([getTranslations('Miners'), getTranslations('Common'), getTranslations('Status')]);
  const control = 'w-full rounded-md border border-line bg-bg px-3 py-2 text-sm aria-[invalid=true]:border-bad';
  const label = 'flex flex-col gap-1 text-xs text-muted';
  const select = (name: keyof MinerFilterValues, text: string, options: Option[], extra?: React.ReactNode) => (
    <label className={label}>
      {text}
      <select name={name} defaultValue={current[name]} className={control}>
        <option value="">{tc('all')}</option>
        {extra}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form method="get" className="mb-4 grid grid-cols-2 gap-2 md:grid-cols-4 xl:grid-cols-8" role="search" aria-label={t('filters')}>
      <label className={`${label} col-span-2 md:col-span-4 xl:col-span-2`}>
        {tc('search')}
        <input name="q" type="search" defaultValue={current.q} placeholder={t('searchPlaceholder')} className={control} maxLength={100} />
      </label>
      {select('siteId', t('site'), sites)}
      {select('customerId', t('customer'), customers, <option value="none">{t('houseOwned')}</option>)}
      {select('modelId', t('model'), models)}
      {select('status', t('status'), MINER_STATUSES.map((s) => ({ id: s, name: ts(s) })))}
      <label className={label}>
        {t('ipRange')}
        <input name="ip" defaultValue={current.ip} placeholder="10.20.0.0/16" className={`${control} font-mono`} aria-invalid={invalid.includes('ip') || undefined} maxLength={40} />
        {invalid.includes('ip') ? <span className="text-bad" role="alert">{t('ipInvalid')}</span> : null}
      </label>
      <input type="hidden" name="sort" value={current.sort} />
      <input type="hidden" name="dir" value={current.dir} />
      <div className="flex items-end">
        <button type="submit" className={buttonClass('secondary', 'w-full')}>
          {tc('apply')}
        </button>
      </div>
    </form>
  );
}
