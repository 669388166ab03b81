import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';

/** A plain GET form: filters live in the URL, so they survive reloads, sharing and a locale switch. */
export async function MinerFilters({ sites, current }: { sites: { id: string; name: string }[]; current: { q: string; status: string; siteId: string } }) {
  const [t, tc, ts] = await Promise.all([getTranslations('Miners'), getTranslations('Common'), getTranslations('Status')]);
  const control = 'rounded-md border border-line bg-bg px-3 py-2 text-sm';
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-2" role="search">
      <label className="flex min-w-[14rem] flex-1 flex-col gap-1 text-xs text-muted">
        {tc('search')}
        <input name="q" defaultValue={current.q} placeholder={t('searchPlaceholder')} className={control} maxLength={100} />
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted">
        {t('site')}
        <select name="siteId" defaultValue={current.siteId} className={control}>
          <option value="">{tc('all')}</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted">
        {t('status')}
        <select name="status" defaultValue={current.status} className={control}>
          <option value="">{tc('all')}</option>
          {(['active', 'offline', 'maintenance', 'sold'] as const).map((s) => (
            <option key={s} value={s}>
              {ts(s)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={buttonClass('secondary')}>
        {tc('apply')}
      </button>
    </form>
  );
}
