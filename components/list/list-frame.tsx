import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Link } from '@/lib/i18n/navigation';
import { isFiltered, listHref, type ListQuery, withoutFilters } from './list-href';
import { type PageInfo, Pagination } from './pagination';

type Empty = { title: ReactNode; hint?: ReactNode; action?: ReactNode };

export type ListFrameProps = { pathname: string; query: ListQuery; page: PageInfo & { rows: readonly unknown[] }; empty: Empty; emptyFiltered?: Empty; keep?: readonly string[]; sizes?: boolean };

/**
 * A server-paginated list: the rows (`children`) and the pager, or, with no rows, why. An empty set
 * shows `empty` (or `emptyFiltered` under filters) with a link that clears the filters, `keep`ing a
 * tab; a page past the last one says so with the total and a link to the last page.
 */
export function ListFrame({ pathname, query, page, empty, emptyFiltered, keep, sizes, children }: ListFrameProps & { children: ReactNode }) {
  const t = useTranslations('List');
  if (page.rows.length > 0) {
    return (
      <>
        {children}
        <Pagination pathname={pathname} query={query} page={page} sizes={sizes} />
      </>
    );
  }
  if (page.total > 0) {
    return (
      <EmptyState
        title={t('pastEnd', { page: page.page })}
        hint={t('pastEndHint', { count: page.total, pages: page.pageCount })}
        action={
          <Link href={listHref(pathname, query, { page: page.pageCount })} className={buttonClass('secondary', 'mt-2')}>
            {t('toLastPage', { page: page.pageCount })}
          </Link>
        }
      />
    );
  }
  const filtered = isFiltered(query, keep);
  const shown = (filtered && emptyFiltered) || empty;
  const clear = filtered ? (
    <Link href={listHref(pathname, withoutFilters(query, keep))} className="text-sm text-accent hover:underline">
      {t('clearFilters')}
    </Link>
  ) : null;
  return (
    <EmptyState
      title={shown.title}
      hint={shown.hint}
      action={
        shown.action || clear ? (
          <>
            {shown.action}
            {clear}
          </>
        ) : undefined
      }
    />
  );
}
