export const PAGE_SIZES = [25, 50, 100] as const;

export type PageRequest = { page: number; pageSize: number };
export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number; pageCount: number };

export function toPage<T>(rows: T[], total: number, req: PageRequest): Page<T> {
  return { rows, total, page: req.page, pageSize: req.pageSize, pageCount: Math.max(1, Math.ceil(total / req.pageSize)) };
}

export const offsetOf = (req: PageRequest) => (req.page - 1) * req.pageSize;
