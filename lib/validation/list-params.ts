import { z } from './zod';

/**
 * A list page's search box as typed in the URL: trimmed and cut to 100 characters. Text holding a
 * control character (a NUL cannot even reach PostgreSQL) is dropped like any other bad parameter.
 */
export const searchParam = (raw: unknown): string | undefined =>
  z
    .string()
    .transform((v) => v.trim().slice(0, 100) || undefined)
    .optional()
    .catch(undefined)
    .parse(raw);

/** Query-string parameters of list pages; a bad value falls back to its default instead of failing. */
export const pageParamsSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce.number().pipe(z.union([z.literal(25), z.literal(50), z.literal(100)])).catch(50),
  q: z.string().trim().max(100).optional().catch(undefined),
});
