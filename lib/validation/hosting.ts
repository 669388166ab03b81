import { z } from 'zod';
import { parseIpRange } from '@/lib/domain/hosting/ip-range';

export const MINER_STATUSES = ['active', 'offline', 'maintenance', 'sold'] as const;
export const MINER_SORTS = ['name', 'model', 'site', 'customer', 'status', 'ip'] as const;

const fields = {
  page: z.coerce.number().int().min(1).max(100_000),
  pageSize: z.coerce.number().pipe(z.union([z.literal(25), z.literal(50), z.literal(100)])),
  q: z.string().trim().max(100, 'tooLong'),
  status: z.enum(MINER_STATUSES),
  siteId: z.uuid('invalid'),
  customerId: z.union([z.uuid('invalid'), z.literal('none')]),
  modelId: z.coerce.number().int().positive(),
  ip: z
    .string()
    .trim()
    .max(40, 'tooLong')
    .transform((v, ctx) => parseIpRange(v) ?? (ctx.addIssue({ code: 'custom', message: 'invalid' }), z.NEVER)),
  sort: z.enum(MINER_SORTS),
  dir: z.enum(['asc', 'desc']),
  include_metrics: z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1'),
};

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** `GET /api/hosting/miners`: a bad parameter is a 400 naming the field. */
export const minerListQuerySchema = z.object({
  page: z.preprocess(emptyToUndefined, fields.page.default(1)),
  pageSize: z.preprocess(emptyToUndefined, fields.pageSize.default(50)),
  q: z.preprocess(emptyToUndefined, fields.q.optional()),
  status: z.preprocess(emptyToUndefined, fields.status.optional()),
  siteId: z.preprocess(emptyToUndefined, fields.siteId.optional()),
  customerId: z.preprocess(emptyToUndefined, fields.customerId.optional()),
  modelId: z.preprocess(emptyToUndefined, fields.modelId.optional()),
  ip: z.preprocess(emptyToUndefined, fields.ip.optional()),
  sort: z.preprocess(emptyToUndefined, fields.sort.default('name')),
  dir: z.preprocess(emptyToUndefined, fields.dir.default('asc')),
  include_metrics: z.preprocess(emptyToUndefined, fields.include_metrics.default(false)),
});
export type MinerListQuery = z.infer<typeof minerListQuerySchema>;

/**
 * The miners page reads the same parameters from its URL, but a hand-edited bad value falls back to
 * its default (and the page says which filter it ignored) instead of failing the page.
 */
export function parseMinerListPage(raw: Record<string, string | string[] | undefined>): { query: MinerListQuery; invalid: string[] } {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const invalid: string[] = [];
  for (let attempt = 0; attempt < Object.keys(fields).length; attempt++) {
    const parsed = minerListQuerySchema.safeParse(flat);
    if (parsed.success) return { query: parsed.data, invalid };
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      invalid.push(key);
      delete flat[key];
    }
  }
  return { query: minerListQuerySchema.parse({}), invalid };
}
