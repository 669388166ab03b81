import type { z } from 'zod';

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A list page's URL read through its schema. `params` are the typed values, `invalid` names the
 * parameters that were given but did not parse (the page may say so), and `query` is what links
 * from the page carry on: the valid parameters as they were written, without the page number.
 */
export type ListPage<T> = { params: T; invalid: string[]; query: Record<string, string> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Reads `searchParams` field by field, so one hand-edited bad value falls back to its own default
 * (a list never answers a 500 for its URL) while the rest still apply. Every field of `schema` must
 * accept a missing value (be optional or have a default); an empty value counts as missing, which is
 * what a filter form's "all" choice sends. Refinements across fields are not run.
 */
export function parseListPage<S extends z.ZodObject>(schema: S, searchParams: SearchParams): ListPage<z.output<S>> {
  const params: Record<string, unknown> = {};
  const invalid: string[] = [];
  const query: Record<string, string> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const raw = first(searchParams[key]);
    const parsed = raw === undefined || raw === '' ? undefined : field.safeParse(raw);
    if (parsed?.success) {
      params[key] = parsed.data;
      if (key !== 'page' && parsed.data !== undefined) query[key] = raw!;
      continue;
    }
    if (parsed) invalid.push(key);
    const fallback = field.safeParse(undefined);
    if (!fallback.success) throw new Error(`List parameter "${key}" has neither a default nor .optional()`);
    params[key] = fallback.data;
  }
  return { params: params as z.output<S>, invalid, query };
}
