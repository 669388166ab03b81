import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';

/** Site, month and (optionally) a day, as a plain GET form: the view lives in the URL. */
export async function ReconcileFilter({ sites, siteId, month, day }: { sites: { id: string; name: string }[]; siteId: string; month: string; day?: string }) {
  const t = await getTranslations('Power.Reconciliation');
  return (
    <form method="get" aria-label={t('filter')} className="mb-4 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end">
      <label className="col-span-2 flex flex-col gap-1 text-xs text-muted sm:col-span-1">
        {t('site')}
        <Select name="siteId" defaultValue={siteId}>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted">
        {t('month')}
        <Input type="month" name="month" defaultValue={month} required />
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted">
        {t('day')}
        <Input type="date" name="day" defaultValue={day ?? ''} />
      </label>
      <div className="col-span-2 flex items-end sm:col-span-1">
        <button type="submit" className={buttonClass('secondary', 'w-full sm:w-auto')}>
          {t('show')}
        </button>
      </div>
    </form>
  );
}
