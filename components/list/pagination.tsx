import { useTranslations } from 'next-intl';
import type { Page } from '@/db/queries/pagination';
import { Link } from '@/lib/i18n/navigation';
import { PAGE_SIZES } from '@/lib/list/list-fields';
import { listHref, type ListQuery, pageForSize } from './list-href';

export type PageInfo = Pick<Page<unknown>, 'page' | 'pageSize' | 'pageCount' | 'total'>;

const linkClass = 'rounded-md border border-line px-3 py-1.5 text-sm hover:bg-surface-2 focus-visible:outline focus-visible:outline-2 focus-visible:outline-accent';
const sizeClass = 'rounded px-1.5 py-0.5 hover:text-ink focus-visible:outline focus-visible:outline-2 focus-visible:outline-accent aria-[current=true]:bg-surface-2 aria-[current=true]:text-ink';

/**
 * The pager under a list: the total, the page size (links that keep the first row in view), and
 * first / previous / next / last as plain links that keep the filters, so it works from the keyboard
 * and without JavaScript. `sizes: false` for a list whose page size is fixed.
 */
export function Pagination({ pathname, query, page, sizes = true }: { pathname: string; query: ListQuery; page: PageInfo; sizes?: boolean }) {
  const t = useTranslations('Common');
  const tl = useTranslations('List');
  const to = (p: number) => listHref(pathname, query, { page: p });
  return (
    <nav className="mt-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm text-muted" aria-label={tl('pagination')}>
      <span>{t('totalRows', { count: page.total })}</span>
      {sizes && page.total > PAGE_SIZES[0] ? (
        <span className="flex items-center gap-1">
          {tl('rowsPerPage')}
          {PAGE_SIZES.map((n) => (
            <Link key={n} href={listHref(pathname, query, { pageSize: n, page: pageForSize(page.page, page.pageSize, n) })} aria-current={n === page.pageSize ? 'true' : undefined} className={sizeClass}>
              {n}
            </Link>
          ))}
        </span>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        {page.page > 1 ? (
          <>
            {page.page > 2 ? (
              <Link className={linkClass} href={to(1)} aria-label={tl('firstPage')}>
                «
              </Link>
            ) : null}
            <Link className={linkClass} href={to(Math.min(page.page - 1, page.pageCount))} rel="prev">
              {t('previous')}
            </Link>
          </>
        ) : null}
        <span>{t('pageOf', { page: page.page, pages: page.pageCount })}</span>
        {page.page < page.pageCount ? (
          <>
            <Link className={linkClass} href={to(page.page + 1)} rel="next">
              {t('next')}
            </Link>
            {page.page < page.pageCount - 1 ? (
              <Link className={linkClass} href={to(page.pageCount)} aria-label={tl('lastPage', { page: page.pageCount })}>
                »
              </Link>
            ) : null}
          </>
        ) : null}
      </div>
    </nav>
  );
}
