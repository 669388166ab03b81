import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button';
import { type ListQuery, withoutFilters } from './list-href';

/**
 * A list's filters as a plain GET form: they live in the URL, so they survive reloads, sharing and a
 * locale switch, and work without JavaScript. Sorting, page size and the `keep` parameters (a tab, a
 * chart range) ride along as hidden fields; submitting starts again at page 1.
 */
export function FilterBar({ label, query, keep, submitLabel, children }: { label: string; query: ListQuery; keep?: readonly string[]; submitLabel?: ReactNode; children: ReactNode }) {
  const t = useTranslations('Common');
  return (
    <form method="get" role="search" aria-label={label} className="mb-4 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end">
      {Object.entries(withoutFilters(query, keep)).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      {children}
      <div className="col-span-2 flex items-end sm:col-span-1">
        <button type="submit" className={buttonClass('secondary', 'w-full sm:w-auto')}>
          {submitLabel ?? t('apply')}
        </button>
      </div>
    </form>
  );
}
