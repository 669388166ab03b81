import { sql } from 'drizzle-orm';

export type PageRequest = { page: number; pageSize: number };
export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number; pageCount: number };

export function toPage<T>(rows: T[], total: number, req: PageRequest): Page<T> {
  return { rows, total, page: req.page, pageSize: req.pageSize, pageCount: Math.max(1, Math.ceil(total / req.pageSize)) };
}

export const offsetOf = (req: PageRequest) => (req.page - 1) * req.pageSize;

/** The filtered set's size on every row, so one statement returns a page and its total. */
export const windowTotal = () => sql<number>`count(*) over()::int`;

/** A drizzle select not yet run: pageOf sets its window, and may run it twice. */
type PageQuery<T> = { limit(limit: number): { offset(offset: number): PromiseLike<T[]> } };

/**
 * One page of a query that selects `total: windowTotal()`. Past the last page the count has no row
 * to ride on, so only then the query runs once more for its first row: the page stays empty, but its
 * total, and with it the way back to the last page, is known.
 */
export async function pageOf<T extends { total: number }>(req: PageRequest, query: PageQuery<T>): Promise<Page<Omit<T, 'total'>>> {
  const rows = await query.limit(req.pageSize).offset(offsetOf(req));
  const total = rows[0]?.total ?? (req.page > 1 ? ((await query.limit(1).offset(0))[0]?.total ?? 0) : 0);
  return toPage(
    rows.map(({ total: _total, ...row }) => row),
    total,
    req,
  );
}
