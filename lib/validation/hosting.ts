import { z } from './zod';
import { parseIpRange } from '@/lib/domain/hosting/ip-range';
import { OPERATIONAL_STATES } from '@/lib/domain/telemetry/operational-state';

export const MINER_STATUSES = ['active', 'offline', 'maintenance', 'sold'] as const;
export const MINER_SORTS = ['name', 'model', 'site', 'customer', 'status', 'ip', 'state', 'hashrate', 'chip', 'power', 'seen'] as const;

const fields = {
  page: z.coerce.number().int().min(1).max(100_000),
  pageSize: z.coerce.number().pipe(z.union([z.literal(25), z.literal(50), z.literal(100)])),
  q: z.string().trim().max(100, 'tooLong'),
  status: z.enum(MINER_STATUSES),
  state: z.enum(OPERATIONAL_STATES),
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
  state: z.preprocess(emptyToUndefined, fields.state.optional()),
  siteId: z.preprocess(emptyToUndefined, fields.siteId.optional()),
  customerId: z.preprocess(emptyToUndefined, fields.customerId.optional()),
  modelId: z.preprocess(emptyToUndefined, fields.modelId.optional()),
  ip: z.preprocess(emptyToUndefined, fields.ip.optional()),
  sort: z.preprocess(emptyToUndefined, fields.sort.default('name')),
  dir: z.preprocess(emptyToUndefined, fields.dir.default('asc')),
  include_metrics: z.preprocess(emptyToUndefined, fields.include_metrics.default(false)),
});
export type MinerListQuery = z.infer<typeof minerListQuerySchema>;

/** The miners page reads the same parameters from its URL, without the API's metrics switch (parseListPage: a bad value falls back). */
export const minerListPageSchema = minerListQuerySchema.omit({ include_metrics: true });

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max, 'tooLong').nullish());
const MAC = /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i;

/**
 * One miner as the forms, the batch API and CSV/XLSX rows give it. Site, model and customer come
 * either as ids (forms, API) or as names (spreadsheets); db/queries/hosting/miner-rows.ts resolves
 * names within the caller's scope.
 */
export const minerRowSchema = z
  .object({
    name: z.string({ error: 'required' }).trim().min(1, 'required').max(100, 'tooLong'),
    siteId: z.preprocess(blankToNull, z.uuid('invalid').nullish()),
    site: optionalText(100),
    modelId: z.preprocess(blankToNull, z.coerce.number('number').int('invalid').positive('invalid').nullish()),
    model: optionalText(100),
    customerId: z.preprocess(blankToNull, z.uuid('invalid').nullish()),
    customer: optionalText(200),
    serial: optionalText(64),
    ip: z.preprocess(blankToNull, z.union([z.ipv4(), z.ipv6()], { error: 'invalid' }).nullish()),
    mac: z.preprocess(
      blankToNull,
      z
        .string()
        .trim()
        .regex(MAC, 'invalid')
        .transform((m) => m.toUpperCase().replaceAll('-', ':'))
        .nullish(),
    ),
    worker: optionalText(128),
    status: z.preprocess(blankToNull, z.enum(MINER_STATUSES, { error: 'invalid' }).nullish()),
  })
  .superRefine((r, ctx) => {
    if (!r.siteId && !r.site) ctx.addIssue({ code: 'custom', path: ['site'], message: 'required' });
    if (!r.modelId && !r.model) ctx.addIssue({ code: 'custom', path: ['model'], message: 'required' });
  });
export type MinerRowInput = z.input<typeof minerRowSchema>;
export type ParsedMinerRow = z.infer<typeof minerRowSchema>;

export const MAX_BATCH_ROWS = 5000;

export const minerBatchSchema = z.object({
  rows: z.array(z.unknown()).min(1, 'required'),
  /** `all` (default): any invalid row rejects the whole batch. `valid_only`: invalid rows are skipped and reported. */
  mode: z.enum(['all', 'valid_only']).default('all'),
  dryRun: z.boolean().default(false),
});

export const minerUpdateSchema = z.object({ id: z.uuid('invalid') }).and(minerRowSchema);
export const minerStatusSchema = z.object({ id: z.uuid('invalid'), status: z.enum(MINER_STATUSES, { error: 'invalid' }) });

export const ENERGY_SOURCES = ['hydro', 'solar', 'wind', 'nuclear', 'natural_gas', 'coal', 'grid'] as const;

function isIanaTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}

export const siteSchema = z.object({
  name: z.string({ error: 'required' }).trim().min(1, 'required').max(100, 'tooLong'),
  location: z.string({ error: 'required' }).trim().min(1, 'required').max(200, 'tooLong'),
  timeZone: z.string({ error: 'required' }).trim().min(1, 'required').max(64, 'tooLong').refine(isIanaTimeZone, 'invalid'),
  energySource: z.enum(ENERGY_SOURCES, { error: 'invalid' }),
  contractedKw: z.coerce.number('number').int('invalid').positive('positive').max(10_000_000, 'outOfRange'),
  // Kept as a decimal string: money never goes through a float on its way to the numeric column.
  electricityUsdPerKwh: z
    .string({ error: 'required' })
    .trim()
    .regex(/^\d{1,4}(\.\d{1,5})?$/, 'number')
    .refine((v) => Number(v) > 0 && Number(v) < 10, 'outOfRange'),
  /** The price per kWh charged to hosting clients at the site (their hosting fee until CRM contracts); blank: not set. */
  clientUsdPerKwh: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .regex(/^\d{1,4}(\.\d{1,5})?$/, 'number')
      .refine((v) => Number(v) > 0 && Number(v) < 10, 'outOfRange')
      .nullish(),
  ),
  /** Memberships (site owners and operators) assigned to the site; the full list replaces the old one. */
  memberIds: z.array(z.uuid('invalid')).max(500, 'tooLong').default([]),
});
export type SiteInput = z.infer<typeof siteSchema>;
export const siteUpdateSchema = siteSchema.extend({ id: z.uuid('invalid') });
