import type { SortDir } from '@/lib/list/list-fields';

/** A list's current URL query (from parseListPage), which links from the list carry on. */
export type ListQuery = Record<string, string | undefined>;
export type ListHref = { pathname: string; query: Record<string, string> };

/**
 * A link to the same list with `patch` applied. Any change other than the page starts again at page 1
 * (the old page number means nothing under other filters); page 1 and blank values are left out, and
 * patched keys come last, in the order given, so `sort` always precedes `dir`.
 */
export function listHref(pathname: string, query: ListQuery, patch: Record<string, string | number | undefined> = {}): ListHref {
  const kept = Object.entries(query).filter(([k, v]) => v && k !== 'page' && !(k in patch));
  const added = Object.entries(patch).filter(([k, v]) => v !== undefined && v !== '' && !(k === 'page' && Number(v) === 1));
  return { pathname, query: Object.fromEntries([...kept, ...added].map(([k, v]) => [k, String(v)])) };
}

/** Parameters that arrange a list rather than filter it. */
const NOT_FILTERS = ['sort', 'dir', 'pageSize'];

/** The query without the filters: what "clear filters" keeps (sorting, page size and the given keys, such as a tab). */
export function withoutFilters(query: ListQuery, keep: readonly string[] = []): ListQuery {
  return Object.fromEntries(Object.entries(query).filter(([k]) => NOT_FILTERS.includes(k) || keep.includes(k)));
}

export const isFiltered = (query: ListQuery, keep: readonly string[] = []) => Object.entries(query).some(([k, v]) => v && k !== 'page' && !NOT_FILTERS.includes(k) && !keep.includes(k));

/** A header link sorts by its column: the active column flips, another starts at its natural direction. */
export const nextSortDir = (active: boolean, dir: SortDir, firstDir: SortDir): SortDir => (active ? (dir === 'asc' ? 'desc' : 'asc') : firstDir);

/** The page that still shows the first row of the current page after the page size changes. */
export const pageForSize = (page: number, pageSize: number, newSize: number) => Math.floor(((page - 1) * pageSize) / newSize) + 1;
