import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

/** Server-rendered pager: plain links that keep the current filters. */
export async function Pagination({ pathname, query, page, pageCount, total }: { pathname: string; query: Record<string, string | undefined>; page: number; pageCount: number; total: number }) {
  const t = await getTranslations('Common');
  const href = (p: number) => ({ pathname, query: Object.fromEntries(Object.entries({ ...query, page: String(p) }).filter(([, v]) => v)) as Record<string, string> });
  const linkClass = 'rounded-md border border-line px-3 py-1.5 text-sm hover:bg-surface-2';
  return (
    <nav className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm text-muted" aria-label="pagination">
      <span>{t('totalRows', { count: total })}</span>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link className={linkClass} href={href(page - 1)} rel="prev">
            {t('previous')}
          </Link>
        ) : null}
        <span>{t('pageOf', { page, pages: pageCount })}</span>
        {page < pageCount ? (
          <Link className={linkClass} href={href(page + 1)} rel="next">
            {t('next')}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
