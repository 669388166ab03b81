import type { ReactNode } from 'react';
import { Th } from '@/components/ui/table';
import { Link } from '@/lib/i18n/navigation';
import type { SortDir } from '@/lib/list/list-fields';
import { listHref, type ListQuery, nextSortDir } from './list-href';

/** Where a list is and how it is sorted, for its header links. */
export type SortState = { pathname: string; query: ListQuery; sort: string; dir: SortDir };

/**
 * A column header that sorts the server-side list: a link, so it works with the keyboard and without
 * JavaScript. The active column's arrow is part of its name; the others show a faint one.
 */
export function SortHeader({ column, label, state, firstDir = 'asc', className = '' }: { column: string; label: ReactNode; state: SortState; firstDir?: SortDir; className?: string }) {
  const active = state.sort === column;
  const href = listHref(state.pathname, state.query, { sort: column, dir: nextSortDir(active, state.dir, firstDir) });
  return (
    <Th className={className} aria-sort={active ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <Link href={href} className="rounded hover:text-ink focus-visible:outline focus-visible:outline-2 focus-visible:outline-accent">
        {label}
        {active ? (
          <span className="text-accent">{state.dir === 'asc' ? ' ↑' : ' ↓'}</span>
        ) : (
          <span aria-hidden className="ml-1 opacity-30">
            ↕
          </span>
        )}
      </Link>
    </Th>
  );
}
