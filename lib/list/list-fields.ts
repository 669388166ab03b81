import { z } from '@/lib/validation/zod';

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export type SortDir = 'asc' | 'desc';

/** `page` and `pageSize` with their defaults: the page size one of PAGE_SIZES, so no URL can ask for a million rows. */
export const pageFields = (pageSize: PageSize = 50) => ({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce
    .number()
    .pipe(z.union(PAGE_SIZES.map((n) => z.literal(n)) as [z.ZodLiteral<PageSize>, ...z.ZodLiteral<PageSize>[]]))
    .default(pageSize),
});

/** `sort` among the list's sort keys and `dir`. */
export const sortFields = <const S extends string>(sorts: readonly [S, ...S[]], sort: S = sorts[0], dir: SortDir = 'asc') => ({
  sort: z.enum(sorts).default(sort),
  dir: z.enum(['asc', 'desc']).default(dir),
});

/** A search box: trimmed, cut to 100 characters, blank meaning no search; a runaway URL value is dropped. */
export const searchField = () =>
  z
    .string()
    .max(2000)
    .transform((v) => v.trim().slice(0, 100) || undefined)
    .optional();

/** A checkbox filter sent as `1`; anything else is invalid, and missing is off. */
export const flagField = () =>
  z
    .literal('1')
    .optional()
    .transform((v) => v === '1');

/** A list with no filters: only its pages. */
export const pagedListSchema = (pageSize: PageSize = 50) => z.object(pageFields(pageSize));

/** A list with a search box and nothing else to filter by. */
export const searchListSchema = (pageSize: PageSize = 50) => z.object({ ...pageFields(pageSize), q: searchField() });
