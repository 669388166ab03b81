import { POWER_ALERT_KINDS } from '@/lib/domain/power/alerts';
import { ENERGY_SOURCE_KEYS, type EnergySource } from '@/lib/domain/power/carbon';
import { pageFields } from '@/lib/list/list-fields';
import { monthSchema } from './power';
import { z } from './zod';

/*
 * Parameters of the power alerts, comparisons, contracts and carbon (issue 15 parts 7 and 8), and
 * the two forms behind them: where alerts go, and a site's energy mix.
 */

export const powerAlertsQuerySchema = z.object({
  siteId: z.uuid().optional(),
  kind: z.enum(POWER_ALERT_KINDS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** A month (default: the current one), optionally one site or one customer; `by` splits the answer per site or per customer. */
export const powerReportQuerySchema = z.object({
  month: monthSchema.optional(),
  siteId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  months: z.coerce.number().int().min(1).max(36).default(12),
});
export type PowerReportQuery = z.infer<typeof powerReportQuerySchema>;

export const powerAlertChannelsSchema = z.object({ channelIds: z.array(z.uuid()).max(50) });

/** Shares in percent as people type them (two decimals at most), summing to exactly 100. */
export const energyMixSchema = z
  .object({
    siteId: z.uuid(),
    /** The site-local day the new mix starts (a future day; blank: tomorrow). */
    effectiveDate: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'invalid').optional()),
    shares: z.array(z.object({ source: z.enum(ENERGY_SOURCE_KEYS as [EnergySource, ...EnergySource[]]), pct: z.coerce.number().min(0).max(100) })).min(1).max(ENERGY_SOURCE_KEYS.length),
  })
  .transform((v) => ({ siteId: v.siteId, effectiveDate: v.effectiveDate, mix: v.shares.filter((s) => s.pct > 0).map((s) => ({ source: s.source, shareBp: Math.round(s.pct * 100) })) }))
  .refine((v) => new Set(v.mix.map((m) => m.source)).size === v.mix.length, { message: 'sourceTwice', path: ['shares'] })
  .refine((v) => v.mix.reduce((a, m) => a + m.shareBp, 0) === 10_000, { message: 'sum100', path: ['shares'] });
export type EnergyMixInput = z.infer<typeof energyMixSchema>;

/** The /power/alerts page's URL: a kind filter and its pages. */
export const powerAlertsPageSchema = z.object({ ...pageFields(50), kind: z.enum(POWER_ALERT_KINDS).optional() });
