import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';

/** A GET form choosing the month a power report reads (`month=YYYY-MM`). */
export async function MonthPicker({ month, label }: { month: string; label: string }) {
  const tc = await getTranslations('Common');
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-2" aria-label={label}>
      <label className="flex flex-col gap-1 text-sm text-muted">
        {label}
        <input type="month" name="month" defaultValue={month} required className="rounded border border-line bg-surface-2 px-2 py-1.5 text-ink" />
      </label>
      <button type="submit" className={buttonClass('secondary')}>
        {tc('apply')}
      </button>
    </form>
  );
}
